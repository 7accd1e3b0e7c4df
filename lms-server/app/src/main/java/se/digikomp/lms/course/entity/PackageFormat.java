package se.digikomp.lms.course.entity;

import java.util.Arrays;
import java.util.Optional;

/** The package formats the server imports; {@link #word} is the value of {@code X-Package-Format}. */
public enum PackageFormat {
    SCORM12("scorm12"), SCORM2004("scorm2004"), XAPI("xapi"), CMI5("cmi5"), WEB("web");

    public final String word;

    PackageFormat(String word) {
        this.word = word;
    }

    public static Optional<PackageFormat> of(String word) {
        return Arrays.stream(values()).filter(f -> f.word.equals(word)).findFirst();
    }
}
