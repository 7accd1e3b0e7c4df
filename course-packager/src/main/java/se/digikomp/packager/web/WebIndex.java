package se.digikomp.packager.web;

import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Xml;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.UiText;

/** The start page of a plain web package: the course and a link to each language's pages. No tracking. */
public final class WebIndex {
    private WebIndex() {
    }

    public static String write(PackagePlan plan) {
        Course course = plan.course();
        String lang = plan.launchLanguage();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Xml.escape(course.title().get(lang))).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"player/player.css\">\n</head>\n<body>\n")
                .append("<main id=\"main\" class=\"dk-start\">\n<h1>").append(Xml.escape(course.title().get(lang)))
                .append("</h1>\n<ul>\n");
        for (String l : plan.languages()) {
            h.append("<li lang=\"").append(l).append("\"><a href=\"").append(l).append("/index.html\" hreflang=\"")
                    .append(l).append("\">").append(Xml.escape(course.title().get(l))).append(" (")
                    .append(UiText.get(l, "languageName")).append(")</a>: ")
                    .append(Xml.escape(course.description().get(l))).append("</li>\n");
        }
        h.append("</ul>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }
}
