package se.digikomp.packager.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files of a package, by path, sorted: what goes into the zip, byte for byte. */
public final class PackageFiles {
    private final SortedMap<String, byte[]> files = new TreeMap<>();

    public void put(String path, byte[] content) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("bad package path: " + path);
        }
        files.put(path, content);
    }

    public void put(String path, String text) {
        put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public SortedMap<String, byte[]> all() {
        return Collections.unmodifiableSortedMap(files);
    }

    public byte[] get(String path) {
        return files.get(path);
    }

    public long totalBytes(String prefix) {
        return files.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().length).sum();
    }
}
