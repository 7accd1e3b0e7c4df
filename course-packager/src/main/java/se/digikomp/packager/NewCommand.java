package se.digikomp.packager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code new <dir>}: a ready-to-edit course skeleton that validates and builds as it is. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Creates a course skeleton (Swedish and English, one lesson, a glossary, an image, an "
                + "assessment) in a new or empty folder.")
public final class NewCommand implements Callable<Integer> {
    static final List<String> FILES = List.of("course.yaml", "sv/01-introduktion.md", "sv/02-prov.md",
            "sv/glossary.md", "en/01-introduktion.md", "en/02-prov.md", "en/glossary.md", "assets/diagram.svg");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<dir>", description = "the course folder to create; its name is the course's slug")
    Path dir;

    @Option(names = "--id", paramLabel = "<iri>",
            description = "the course IRI (default: https://digikomp.se/courses/<folder name>)")
    String id;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new Main.UsageException(dir + " exists and is not an empty folder");
        }
        String slug = dir.toAbsolutePath().normalize().getFileName().toString();
        if (!slug.matches("[a-z0-9-]+")) {
            throw new Main.UsageException("the folder name is the course slug and must match [a-z0-9-]+: " + slug);
        }
        String iri = id != null ? id : "https://digikomp.se/courses/" + slug;
        for (String file : FILES) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = NewCommand.class.getResourceAsStream("skeleton/" + file)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Files.writeString(target, text.replace("@ID@", iri));
            }
        }
        spec.commandLine().getOut().println("created " + dir + " (" + FILES.size() + " files); next: validate " + dir);
        return ExitCode.OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
