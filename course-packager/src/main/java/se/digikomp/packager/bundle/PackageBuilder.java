package se.digikomp.packager.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import se.digikomp.packager.cmi5.Cmi5CourseStructure;
import se.digikomp.packager.scorm12.Scorm12Manifest;
import se.digikomp.packager.scorm2004.Scorm2004Manifest;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.web.WebIndex;
import se.digikomp.packager.xapi.TincanXml;

/** Assembles the files of one package: player pages, the player runtime, assets, and the format's manifest. */
public final class PackageBuilder {
    private PackageBuilder() {
    }

    /** The languages of each package the course builds into: one per language, or all in one (bilingual). */
    public static List<List<String>> languageSets(Course course) {
        if (course.packaging() == Course.Packaging.BILINGUAL) {
            return List.of(course.languages());
        }
        return course.languages().stream().map(List::of).toList();
    }

    public static PackageFiles build(PackagePlan plan) {
        Course course = plan.course();
        PackageFiles files = new PackageFiles();
        for (Page page : plan.pages()) {
            files.put(page.path(), PlayerPages.render(plan, page));
        }
        PlayerPages.addRuntime(files);
        for (String asset : course.assets(plan.languages())) {
            try {
                files.put(asset, Files.readAllBytes(course.dir().resolve(asset)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + course.dir().resolve(asset), e);
            }
        }
        if (plan.format() == Format.WEB) {
            files.put("index.html", WebIndex.write(plan));
        }
        List<String> shared = new ArrayList<>();
        List<String> unitPaths = plan.units().stream().map(Page::path).toList();
        for (String path : files.all().keySet()) {
            if (!unitPaths.contains(path)) {
                shared.add(path);
            }
        }
        switch (plan.format()) {
            case SCORM12 -> {
                files.put("imsmanifest.xml", Scorm12Manifest.write(plan, shared));
                ControlDocuments.addTo(files, Format.SCORM12);
            }
            case SCORM2004 -> {
                files.put("imsmanifest.xml", Scorm2004Manifest.write(plan, shared));
                ControlDocuments.addTo(files, Format.SCORM2004);
            }
            case XAPI -> files.put("tincan.xml", TincanXml.write(plan));
            case CMI5 -> files.put("cmi5.xml", Cmi5CourseStructure.write(plan));
            case WEB -> {
            }
            default -> throw new IllegalStateException(plan.format().word);
        }
        return files;
    }

    /** The zip's file name: {@code <course folder>-<version>-<format>[-<language>].zip}. */
    public static String fileName(PackagePlan plan) {
        String suffix = plan.bilingual() ? "" : "-" + plan.launchLanguage();
        return plan.course().slug() + "-" + plan.course().version() + "-" + plan.format().word + suffix + ".zip";
    }
}
