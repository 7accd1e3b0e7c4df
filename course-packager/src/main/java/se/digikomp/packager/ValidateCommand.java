package se.digikomp.packager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.digikomp.packager.bundle.Format;
import se.digikomp.packager.bundle.PackageValidator;
import se.digikomp.packager.lint.CourseLint;
import se.digikomp.packager.lint.Vocabulary;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.InvalidSourceException;
import se.digikomp.packager.source.Problem;
import se.digikomp.packager.source.Problems;

/**
 * {@code validate <course-dir or package.zip>...}: reports problems as file:line: message. Errors exit 1; warnings
 * (the catalogue's editorial rules, {@link CourseLint}, and links to a site's front page) are printed as
 * {@code file:line: warning: message} on stderr and exit 0, or 1 with {@code --strict}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks course sources (metadata, links, assets, alt text, captions, quiz syntax, competences, "
                + "ids, review dates), or a built package (manifest against the official XSDs, package structure). "
                + "Also warns about the catalogue's editorial rules (review date, two knowledge checks per lesson, "
                + "feedback on every answer, links to a site's front page, and, with a vocabulary.yaml beside the "
                + "course folder, example domains and terms).")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<course-dir|package.zip>")
    List<Path> targets;

    @Option(names = "--strict", description = "warnings fail too (exit 1)")
    boolean strict;

    @Option(names = "--vocabulary", paramLabel = "<file>",
            description = "the catalogue's vocabulary (default: vocabulary.yaml in the folder above each course)")
    Path vocabularyFile;

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>();
        var out = spec.commandLine().getOut();
        for (Path target : targets) {
            if (Files.isRegularFile(target) && target.toString().endsWith(".zip")) {
                Problems found = new Problems();
                Format format = PackageValidator.validate(target, found);
                if (!found.hasErrors()) {
                    out.println(target + ": valid " + format.word + " package");
                }
                problems.addAll(found.sorted());
                continue;
            }
            try {
                Course course = CourseReader.read(target.normalize());
                Problems vocabularyProblems = new Problems();
                Optional<Vocabulary> vocabulary = vocabularyFile != null
                        ? Vocabulary.read(vocabularyFile, vocabularyProblems)
                        : Vocabulary.besideCourse(course.dir(), vocabularyProblems);
                vocabularyProblems.throwIfAny();
                List<Problem> warnings = CourseLint.check(course, vocabulary);
                int questions = course.lessons(course.defaultLanguage()).stream()
                        .mapToInt(l -> l.questions().size()).sum();
                out.printf("%s: valid course, %d lesson(s), %d question(s), languages %s%s%n", target,
                        course.lessons(course.defaultLanguage()).size(), questions, course.languages(),
                        warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)");
                problems.addAll(warnings);
            } catch (InvalidSourceException e) {
                problems.addAll(e.problems());
            }
        }
        boolean errors = problems.stream().anyMatch(p -> !p.isWarning());
        if (errors || (strict && !problems.isEmpty())) {
            throw new InvalidSourceException(problems);
        }
        var err = spec.commandLine().getErr();
        problems.forEach(err::println);
        if (!problems.isEmpty()) {
            err.println(problems.size() + " warning(s) found.");
        }
        return ExitCode.OK;
    }
}
