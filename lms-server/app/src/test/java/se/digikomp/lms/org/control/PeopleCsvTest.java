package se.digikomp.lms.org.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading HR systems' CSV files as they come: encodings, separators, quoting, header names, row numbers. */
class PeopleCsvTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static byte[] excelUtf8(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    @Test
    void readsExcelCsvUtf8WithByteOrderMarkSemicolonsAndSwedishHeaders() {
        PeopleCsv.Parsed file = PeopleCsv.read(excelUtf8("Anställningsnummer;Förnamn;Efternamn;E-post;Enhetskod\r\n"
                + "1001;Åsa;Öberg;asa.oberg@kommun.example;SOC-HTN\r\n"));
        assertEquals(List.of(), file.problems());
        assertEquals(StandardCharsets.UTF_8, file.charset());
        assertEquals(';', file.delimiter());
        assertEquals("Anställningsnummer", file.header(ImportColumn.EMPLOYEE_NUMBER));
        PeopleCsv.Row row = file.rows().get(0);
        assertEquals(2, row.row());
        assertEquals("1001", row.get(ImportColumn.EMPLOYEE_NUMBER));
        assertEquals("Åsa", row.get(ImportColumn.GIVEN_NAME));
        assertEquals("Öberg", row.get(ImportColumn.FAMILY_NAME));
        assertEquals("SOC-HTN", row.get(ImportColumn.UNIT_CODE));
    }

    @Test
    void readsWindows1252WhenTheBytesAreNotUtf8() {
        PeopleCsv.Parsed file = PeopleCsv.read("employee_number,given_name,family_name\n7,Märta,Ståhlberg\n"
                .getBytes(WINDOWS_1252));
        assertEquals(List.of(), file.problems());
        assertEquals(WINDOWS_1252, file.charset());
        assertEquals(',', file.delimiter());
        assertEquals("Märta", file.rows().get(0).get(ImportColumn.GIVEN_NAME));
        assertEquals("Ståhlberg", file.rows().get(0).get(ImportColumn.FAMILY_NAME));
    }

    @Test
    void aQuotedLineBreakStaysInItsRowAsExcelNumbersIt() {
        PeopleCsv.Parsed file = PeopleCsv.read(("employee_number;given_name;family_name;position\r\n"
                + "1;Anna;Berg;\"Enhetschef\r\nHemtjänsten\"\r\n"
                + "2;\"Bo \"\"Bosse\"\"\";Ek;Undersköterska\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), file.problems());
        assertEquals(2, file.rows().get(0).row());
        assertEquals("Enhetschef\r\nHemtjänsten", file.rows().get(0).get(ImportColumn.POSITION));
        assertEquals(3, file.rows().get(1).row(), "the row after a quoted line break is Excel's row 3");
        assertEquals("Bo \"Bosse\"", file.rows().get(1).get(ImportColumn.GIVEN_NAME));
    }

    @Test
    void emptyLinesCountAsRowsAndAreSkipped() {
        PeopleCsv.Parsed file = PeopleCsv.read("employee_number,given_name,family_name\n\n1,A,B\n,,\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, file.rows().size());
        assertEquals(3, file.rows().get(0).row());
    }

    @Test
    void extraColumnsAreIgnoredAndMissingOptionalColumnsAreAbsent() {
        PeopleCsv.Parsed file = PeopleCsv.read("Personnummer,employee_number,given_name,family_name,Lön\n"
                .concat("19800101-0000,5,Eva,Lind,40000\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), file.problems());
        assertFalse(file.has(ImportColumn.EMAIL));
        assertEquals(3, file.rows().get(0).values().size(), "only our columns are kept");
    }

    @Test
    void aMissingRequiredColumnIsAProblemOfTheHeaderRow() {
        PeopleCsv.Parsed file = PeopleCsv.read("employee_number;förnamn\n1;A\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("1:family_name: the required column family_name (or efternamn) is missing from the"
                + " header row"), file.problems().stream().map(ImportProblem::text).toList());
    }

    @Test
    void aColumnGivenTwiceInTwoLanguagesIsAProblem() {
        PeopleCsv.Parsed file = PeopleCsv.read("employee_number,given_name,family_name,email,E-post\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("1:E-post: the column email / e-post appears twice (also as \"email\")"),
                file.problems().stream().map(ImportProblem::text).toList());
    }

    @Test
    void anUnclosedQuoteIsNamedWithItsRow() {
        PeopleCsv.Parsed file = PeopleCsv.read("employee_number,given_name,family_name\n1,A,B\n2,\"C,D\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, file.problems().size());
        assertEquals("3: not valid CSV from here on: a quoted field is not closed, or text follows a closing quote",
                file.problems().get(0).text());
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsAProblem() {
        PeopleCsv.Parsed file = PeopleCsv.read("employee_number,given_name,family_name\n1,A,B,extra\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("2: the row has 4 fields but the header has 3 (a missing quote or an extra separator?)",
                file.problems().get(0).text());
    }

    @Test
    void utf16IsRefusedWithWhatToDoInstead() {
        PeopleCsv.Parsed file = PeopleCsv.read("\uFEFFemployee_number\tgiven_name".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(file.problems().get(0).text().startsWith("1: the file is UTF-16"), file.problems().toString());
    }

    @Test
    void formulaAndScriptLookingNamesAreKeptAsWritten() {
        PeopleCsv.Parsed file = PeopleCsv.read("employee_number,given_name,family_name\n1,=HYPERLINK(\"x\"),"
                .concat("<script>alert(1)</script>\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("=HYPERLINK(\"x\")", file.rows().get(0).get(ImportColumn.GIVEN_NAME));
        assertEquals("<script>alert(1)</script>", file.rows().get(0).get(ImportColumn.FAMILY_NAME));
    }

    @Test
    void theSeparatorIsTheOneTheHeaderLineHasMostOf() {
        assertEquals(';', PeopleCsv.delimiter("a;b;c,d\n1,2,3,4,5"));
        assertEquals(',', PeopleCsv.delimiter("\"a;b\",c\n"));
        assertEquals('\t', PeopleCsv.delimiter("a\tb\tc\n"));
        assertEquals(',', PeopleCsv.delimiter("employee_number\n"));
    }
}
