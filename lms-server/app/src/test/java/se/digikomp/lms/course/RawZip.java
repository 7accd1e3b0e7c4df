package se.digikomp.lms.course;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A zip writer for tests that writes exactly what it is told, including what java.util.zip refuses to write:
 * duplicate names, names that leave the folder, Unix symlink modes. Entries are deflated unless stored.
 */
final class RawZip {

    private record Entry(String name, byte[] data, boolean deflate, int unixMode) {
    }

    private final List<Entry> entries = new ArrayList<>();

    RawZip add(String name, byte[] data) {
        entries.add(new Entry(name, data, true, 0100644));
        return this;
    }

    RawZip add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    RawZip symlink(String name, String target) {
        entries.add(new Entry(name, target.getBytes(StandardCharsets.UTF_8), false, 0120777));
        return this;
    }

    /** Every file below a folder, by its relative path. */
    RawZip addTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                add(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream cen = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(e.data);
            byte[] body = e.deflate ? deflate(e.data) : e.data;
            int offset = out.size();
            ByteBuffer local = le(30 + name.length);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) (e.deflate ? 8 : 0)).putShort((short) 0).putShort((short) 0x5421)
                    .putInt((int) crc.getValue()).putInt(body.length).putInt(e.data.length)
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(body);
            ByteBuffer central = le(46 + name.length);
            central.putInt(0x02014b50).putShort((short) ((3 << 8) | 20)).putShort((short) 20)
                    .putShort((short) 0x0800).putShort((short) (e.deflate ? 8 : 0)).putShort((short) 0)
                    .putShort((short) 0x5421).putInt((int) crc.getValue()).putInt(body.length).putInt(e.data.length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(e.unixMode << 16).putInt(offset).put(name);
            cen.writeBytes(central.array());
        }
        int cenOffset = out.size();
        out.writeBytes(cen.toByteArray());
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(cen.size()).putInt(cenOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
