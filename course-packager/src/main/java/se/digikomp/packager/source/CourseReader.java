package se.digikomp.packager.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a course folder (docs/course-format.md) into a {@link Course}, or throws {@link InvalidSourceException}
 * with every problem found. Nothing is written.
 */
public final class CourseReader {
    public static final String METADATA_FILE = "course.yaml";
    public static final String GLOSSARY_FILE = "glossary.md";

    private CourseReader() {
    }

    public static Course read(Path dir) {
        Problems problems = new Problems();
        Path metadataFile = dir.resolve(METADATA_FILE);
        if (!Files.isDirectory(dir)) {
            problems.add(dir, 1, Files.exists(dir) ? "not a course folder: give the folder that holds course.yaml"
                    : "not a course folder (no such directory)");
            problems.throwIfAny();
        }
        if (!Files.isRegularFile(metadataFile)) {
            problems.add(metadataFile, 1, "missing " + METADATA_FILE + ": every course folder has one");
            problems.throwIfAny();
        }
        SourceFiles files;
        try {
            files = new SourceFiles(dir);
        } catch (IOException e) {
            problems.add(dir, 1, "cannot read the course folder: " + e.getClass().getSimpleName());
            throw new InvalidSourceException(problems.sorted());
        }
        Optional<Metadata> read = files.readText(metadataFile, problems)
                .flatMap(text -> new MetadataReader(metadataFile, problems).read(text));
        if (read.isEmpty() || problems.hasErrors()) {
            problems.throwIfAny();
        }
        Metadata m = read.get();
        Map<String, String> lessonIdByFile = new HashMap<>();
        for (Metadata.LessonEntry entry : m.lessons()) {
            lessonIdByFile.put(entry.file(), entry.id());
        }
        Map<String, Set<String>> assetsByLanguage = new LinkedHashMap<>();
        Map<String, List<Lesson>> lessonsByLanguage = new LinkedHashMap<>();
        Map<String, Glossary> glossaries = new LinkedHashMap<>();
        for (String language : m.languages()) {
            Path languageDir = dir.resolve(language);
            if (!Files.isDirectory(languageDir)) {
                problems.add(metadataFile, 1, "language " + language + " has no folder " + language + "/");
                continue;
            }
            Path glossaryFile = languageDir.resolve(GLOSSARY_FILE);
            Glossary glossary = Glossary.empty();
            if (Files.isRegularFile(glossaryFile)) {
                glossary = files.readText(glossaryFile, problems)
                        .map(text -> GlossaryReader.read(glossaryFile, text, problems)).orElse(Glossary.empty());
            }
            glossaries.put(language, glossary);
            Set<String> assets = new TreeSet<>();
            assetsByLanguage.put(language, assets);
            List<Lesson> lessons = new ArrayList<>();
            for (Metadata.LessonEntry entry : m.lessons()) {
                Path file = languageDir.resolve(entry.file());
                if (!Files.isRegularFile(file)) {
                    problems.add(metadataFile, entry.line(), "missing lesson file " + language + "/" + entry.file());
                    continue;
                }
                Optional<String> text = files.readText(file, problems);
                if (text.isEmpty()) {
                    continue;
                }
                LessonContext context = new LessonContext(file, language, entry.id(), glossary, files, problems,
                        assets, lessonIdByFile);
                Lesson lesson = new LessonReader(context).read(text.get(), entry.assessment());
                if (entry.assessment() && lesson.questions().isEmpty()) {
                    problems.add(file, 1, "the assessment lesson has no questions");
                }
                lessons.add(lesson);
            }
            checkQuestionIds(languageDir, lessons, problems);
            lessonsByLanguage.put(language, List.copyOf(lessons));
        }
        checkLanguagesAgree(dir, m, lessonsByLanguage, problems);
        problems.throwIfAny();
        return new Course(dir, m.id(), m.version(), List.copyOf(m.languages()), m.packaging(), m.title(),
                m.description(), List.copyOf(m.authors()), m.licence(), m.duration(),
                m.masteryScore() == null ? 1.0 : m.masteryScore(), m.sequencing(), List.copyOf(m.competences()),
                lessonsByLanguage, glossaries, assetsByLanguage, problems.warnings());
    }

    private static void checkQuestionIds(Path languageDir, List<Lesson> lessons, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        for (Lesson lesson : lessons) {
            for (Question q : lesson.questions()) {
                String other = seen.put(q.id(), lesson.file());
                if (other != null) {
                    problems.add(languageDir.resolve(lesson.file()), q.line(), "duplicate question id " + q.id()
                            + " (also in " + other + "): ids are unique in the course");
                }
            }
        }
    }

    /** Every language has the same questions with the same answers, so results compare across languages. */
    private static void checkLanguagesAgree(Path dir, Metadata m, Map<String, List<Lesson>> byLanguage,
            Problems problems) {
        String first = m.languages().isEmpty() ? null : m.languages().get(0);
        List<Lesson> reference = first == null ? null : byLanguage.get(first);
        if (reference == null) {
            return;
        }
        for (String language : m.languages().subList(1, m.languages().size())) {
            List<Lesson> lessons = byLanguage.get(language);
            if (lessons == null) {
                continue;
            }
            for (Lesson lesson : lessons) {
                Lesson ref = reference.stream().filter(l -> l.id().equals(lesson.id())).findFirst().orElse(null);
                if (ref == null) {
                    continue;
                }
                Path file = dir.resolve(language).resolve(lesson.file());
                List<String> refIds = ref.questions().stream().map(Question::id).toList();
                List<String> ids = lesson.questions().stream().map(Question::id).toList();
                if (!refIds.equals(ids)) {
                    problems.add(file, 1, "questions differ from " + first + "/" + ref.file() + ": " + ids + " vs "
                            + refIds + " (same ids in the same order in every language)");
                    continue;
                }
                for (int i = 0; i < ids.size(); i++) {
                    Question b = lesson.questions().get(i);
                    difference(ref.questions().get(i), b).ifPresent(what -> problems.add(file, b.line(),
                            "question " + b.id() + " differs from the " + first + " version in " + what));
                }
            }
        }
    }

    /**
     * What differs between two language versions of a question, if anything that results depend on. Type and points
     * always agree; choice, order and match questions also have the same number of options and the same right ones.
     * A text question only needs at least one accepted answer per language (its reader requires one): spellings and
     * abbreviations are language-specific, so the number of accepted answers may differ.
     */
    private static Optional<String> difference(Question a, Question b) {
        if (a.type() != b.type()) {
            return Optional.of("type: " + b.type().word + " vs " + a.type().word);
        }
        if (a.points() != b.points()) {
            return Optional.of("points: " + b.points() + " vs " + a.points());
        }
        if (a.type() == Question.Type.TEXT) {
            return Optional.empty();
        }
        if (a.options().size() != b.options().size()) {
            return Optional.of("number of answers: " + b.options().size() + " vs " + a.options().size());
        }
        if (!a.correctIds().equals(b.correctIds()) || !a.targetIds().equals(b.targetIds())) {
            return Optional.of("which answers are right");
        }
        return Optional.empty();
    }
}
