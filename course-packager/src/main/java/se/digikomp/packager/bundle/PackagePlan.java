package se.digikomp.packager.bundle;

import java.util.ArrayList;
import java.util.List;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.Lesson;

/** Which languages and pages one package holds. The first language's pages are the launch units. */
public record PackagePlan(Course course, Format format, Unit unit, List<String> languages, List<Page> pages) {

    public static PackagePlan of(Course course, Format format, Unit unit, List<String> languages) {
        Unit effective = format.hasUnits() ? unit : Unit.COURSE;
        List<Page> pages = new ArrayList<>();
        for (String language : languages) {
            List<Lesson> lessons = course.lessons(language);
            if (effective == Unit.LESSON) {
                for (Lesson lesson : lessons) {
                    pages.add(new Page(language + "/" + lesson.id() + ".html", language, List.of(lesson), lesson.id()));
                }
            } else {
                pages.add(new Page(language + "/index.html", language, lessons, null));
            }
        }
        return new PackagePlan(course, format, effective, List.copyOf(languages), List.copyOf(pages));
    }

    public String launchLanguage() {
        return languages.get(0);
    }

    /** The launch units: the pages of the first language. */
    public List<Page> units() {
        return pages.stream().filter(p -> p.language().equals(launchLanguage())).toList();
    }

    public boolean bilingual() {
        return languages.size() > 1;
    }

    /** The same page in another language of this package. */
    public String pathIn(Page page, String language) {
        return language + "/" + page.fileName();
    }
}
