package se.digikomp.lms.org.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a people CSV as HR systems and Excel write it: UTF-8 with or without a byte order mark, or
 * Windows-1252 when the bytes are not UTF-8; {@code ;}, {@code ,} or tab between fields (whichever the header
 * line has most of); RFC 4180 quoting, quoted line breaks, CRLF or LF. Parsing is Apache Commons CSV's; this class
 * only detects the encoding and separator, maps the headers to {@link ImportColumn}s and numbers the rows as
 * Excel shows them (record number; the header is row 1, an empty line is a row of its own, a quoted line break
 * is not).
 */
public final class PeopleCsv {

    /** A data row: its number and the values of our columns that the file has (stripped; empty = absent). */
    public record Row(long row, Map<ImportColumn, String> values) {

        public String get(ImportColumn column) {
            String value = values.get(column);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    /** What was read: the columns present (with their header as written), the rows and any problems. */
    public record Parsed(Charset charset, char delimiter, Map<ImportColumn, String> headers, List<Row> rows,
                         List<ImportProblem> problems) {

        public boolean has(ImportColumn column) {
            return headers.containsKey(column);
        }

        public String header(ImportColumn column) {
            return headers.getOrDefault(column, column.english());
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PeopleCsv() {
    }

    public static Parsed read(byte[] bytes) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
        List<Row> rows = new ArrayList<>();
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            problems.add(new ImportProblem(1, null, "the file is UTF-16 (Excel's \"Unicode text\"); save it as"
                    + " \"CSV UTF-8\" or CSV instead"));
            return new Parsed(StandardCharsets.UTF_16, ',', headers, rows, problems);
        }
        Charset charset = StandardCharsets.UTF_8;
        String text;
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            charset = WINDOWS_1252;
            text = new String(bytes, WINDOWS_1252);
        }
        char delimiter = delimiter(text);
        if (text.isBlank()) {
            problems.add(new ImportProblem(1, null, "the file is empty; the first row must name the columns"));
            return new Parsed(charset, delimiter, headers, rows, problems);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false).get();
        int[] indexOf = null;
        int headerSize = 0;
        long lastRow = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                lastRow = record.getRecordNumber();
                if (indexOf == null) {
                    indexOf = headers(record, headers, problems);
                    headerSize = record.size();
                    continue;
                }
                if (blank(record)) {
                    continue;
                }
                if (record.size() > headerSize && !blankFrom(record, headerSize)) {
                    problems.add(new ImportProblem(record.getRecordNumber(), null, "the row has " + record.size()
                            + " fields but the header has " + headerSize + " (a missing quote or an extra separator?)"));
                    continue;
                }
                Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
                for (ImportColumn column : ImportColumn.values()) {
                    int index = indexOf[column.ordinal()];
                    if (index >= 0) {
                        values.put(column, index < record.size() ? record.get(index).strip() : "");
                    }
                }
                rows.add(new Row(record.getRecordNumber(), values));
            }
        } catch (UncheckedIOException | IllegalStateException malformed) {
            problems.add(new ImportProblem(lastRow + 1, null, "not valid CSV from here on: a quoted field is not"
                    + " closed, or text follows a closing quote"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(charset, delimiter, headers, rows, problems);
    }

    /** Maps the header row: the index of each of our columns in it (-1 when absent). */
    private static int[] headers(CSVRecord record, Map<ImportColumn, String> headers, List<ImportProblem> problems) {
        int[] indexOf = new int[ImportColumn.values().length];
        java.util.Arrays.fill(indexOf, -1);
        for (int i = 0; i < record.size(); i++) {
            String header = record.get(i).strip();
            int index = i;
            ImportColumn.forHeader(header).ifPresent(column -> {
                if (indexOf[column.ordinal()] >= 0) {
                    problems.add(new ImportProblem(1, header, "the column " + column.english() + " / "
                            + column.swedish() + " appears twice (also as \"" + headers.get(column) + "\")"));
                } else {
                    indexOf[column.ordinal()] = index;
                    headers.put(column, header);
                }
            });
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && indexOf[column.ordinal()] < 0) {
                problems.add(new ImportProblem(1, column.english(), "the required column " + column.english()
                        + " (or " + column.swedish() + ") is missing from the header row"));
            }
        }
        return indexOf;
    }

    private static boolean blank(CSVRecord record) {
        return blankFrom(record, 0);
    }

    private static boolean blankFrom(CSVRecord record, int from) {
        for (int i = from; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The separator the header line (up to the first line break outside quotes) has most of; ',' when none. */
    static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
