package se.digikomp.packager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.digikomp.packager.bundle.Format;
import se.digikomp.packager.bundle.PackageValidator;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.InvalidSourceException;
import se.digikomp.packager.source.Problem;
import se.digikomp.packager.source.Problems;

/** {@code validate <course-dir or package.zip>...}: reports problems as file:line: message. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks course sources (metadata, links, assets, alt text, captions, quiz syntax, competences, "
                + "ids), or a built package (manifest against the official XSDs, package structure).")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<course-dir|package.zip>")
    List<Path> targets;

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>();
        var out = spec.commandLine().getOut();
        for (Path target : targets) {
            if (Files.isRegularFile(target) && target.toString().endsWith(".zip")) {
                Problems found = new Problems();
                Format format = PackageValidator.validate(target, found);
                if (found.isEmpty()) {
                    out.println(target + ": valid " + format.word + " package");
                }
                problems.addAll(found.sorted());
                continue;
            }
            try {
                Course course = CourseReader.read(target.normalize());
                int questions = course.lessons(course.defaultLanguage()).stream()
                        .mapToInt(l -> l.questions().size()).sum();
                out.printf("%s: valid course, %d lesson(s), %d question(s), languages %s%n", target,
                        course.lessons(course.defaultLanguage()).size(), questions, course.languages());
            } catch (InvalidSourceException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return ExitCode.OK;
    }
}
