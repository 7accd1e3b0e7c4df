package se.digikomp.packager.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads source files strictly: UTF-8 only, and never a path outside the course folder. */
public final class SourceFiles {
    private final Path courseDir;
    private final Path realCourseDir;

    public SourceFiles(Path courseDir) throws IOException {
        this.courseDir = courseDir.normalize();
        this.realCourseDir = courseDir.toRealPath();
    }

    public Path courseDir() {
        return courseDir;
    }

    /** The text of a file, or empty after reporting why it could not be read. */
    public Optional<String> readText(Path file, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(file, 1, "cannot read file: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Optional.of(text.replace("\r\n", "\n"));
        } catch (MalformedInputException e) {
            problems.add(file, lineOfOffset(bytes, in.position()), "file is not UTF-8 (invalid byte sequence)");
        } catch (CharacterCodingException e) {
            problems.add(file, 1, "file is not UTF-8");
        }
        return Optional.empty();
    }

    private static int lineOfOffset(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Resolves a relative reference from a file inside the course. Returns the path relative to the course folder
     * (with forward slashes), or empty after reporting a path that escapes the course folder or does not exist.
     */
    public Optional<String> resolve(Path from, String reference, int line, Problems problems) {
        if (reference.startsWith("/") || reference.contains("\\")) {
            problems.add(from, line, "path must be relative, with forward slashes: " + reference);
            return Optional.empty();
        }
        // compared as absolute paths: a course given as "." normalizes to the empty path, which no path starts with
        Path base = courseDir.toAbsolutePath().normalize();
        Path target = from.toAbsolutePath().getParent().resolve(reference).normalize();
        if (!target.startsWith(base)) {
            problems.add(from, line, "path escapes the course folder: " + reference);
            return Optional.empty();
        }
        if (!Files.isRegularFile(target)) {
            problems.add(from, line, "missing file: " + reference);
            return Optional.empty();
        }
        try {
            if (!target.toRealPath().startsWith(realCourseDir)) {
                problems.add(from, line, "path escapes the course folder (through a link): " + reference);
                return Optional.empty();
            }
        } catch (IOException e) {
            problems.add(from, line, "cannot read file: " + reference);
            return Optional.empty();
        }
        return Optional.of(base.relativize(target).toString().replace('\\', '/'));
    }
}
