package dev.guanxi.crm.internal.stewardship;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guanxi.crm.stewardship.SpreadsheetCells;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static List<CsvReader.Record> readAll(String text) throws IOException {
        return readAll(new StringReader(text));
    }

    private static List<CsvReader.Record> readAll(Reader in) throws IOException {
        CsvReader reader = new CsvReader(in);
        List<CsvReader.Record> records = new ArrayList<>();
        CsvReader.Record r;
        while ((r = reader.next()) != null) {
            records.add(r);
        }
        return records;
    }

    @Test
    @DisplayName("plain values are split at commas, records at CRLF, LF or a lone CR, with their line numbers")
    void plainRecords() throws IOException {
        List<CsvReader.Record> records = readAll("a,b,c\r\n1,2,3\n4,5,6\r7,8,9");
        assertThat(records)
                .extracting(CsvReader.Record::fields)
                .containsExactly(
                        List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "5", "6"), List.of("7", "8", "9"));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records).extracting(CsvReader.Record::error).containsOnlyNulls();
    }

    @Test
    @DisplayName("quoted values keep commas, doubled quotes become one quote, and line breaks are kept exactly")
    void quotedValues() throws IOException {
        String text =
                "name,note\r\n\"Wang, Fang\",\"said \"\"hi\"\"\"\r\n\"two\r\nlines\",\"lf\nonly\"\r\nlast,\"\"\r\n";
        List<CsvReader.Record> records = readAll(text);
        assertThat(records).hasSize(4);
        assertThat(records.get(1).fields()).containsExactly("Wang, Fang", "said \"hi\"");
        assertThat(records.get(2).fields()).containsExactly("two\r\nlines", "lf\nonly");
        assertThat(records.get(3).fields()).containsExactly("last", "");
        // record 3 starts on line 3 and spans lines 3-5 (a CRLF and a LF inside quotes), so record 4 is on line 6
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1L, 2L, 3L, 6L);
    }

    @Test
    @DisplayName("a UTF-8 byte order mark at the start is skipped, one elsewhere is kept as data")
    void byteOrderMark() throws IOException {
        List<CsvReader.Record> records = readAll("\uFEFFexternal_id,display_name\nC-1,\uFEFF张伟\n");
        assertThat(records.get(0).fields()).containsExactly("external_id", "display_name");
        assertThat(records.get(1).fields()).containsExactly("C-1", "\uFEFF张伟");
    }

    @Test
    @DisplayName("empty lines are skipped; a trailing comma is an empty last value; text is never trimmed")
    void emptyLinesAndValues() throws IOException {
        List<CsvReader.Record> records = readAll("\n\na,b\r\n\r\n x , \n,\n\n");
        assertThat(records)
                .extracting(CsvReader.Record::fields)
                .containsExactly(List.of("a", "b"), List.of(" x ", " "), List.of("", ""));
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(3L, 5L, 6L);
    }

    @Test
    @DisplayName("bad quoting makes a row error and reading goes on at the next line")
    void badQuoting() throws IOException {
        String text = "a,b\nab\"c,d\n\"x\"y,z\nok,1\n";
        List<CsvReader.Record> records = readAll(text);
        assertThat(records).hasSize(4);
        assertThat(records.get(1).error()).isEqualTo("a quote inside the unquoted value 1");
        assertThat(records.get(2).error()).isEqualTo("text after the closing quote of value 1");
        assertThat(records.get(3).fields()).containsExactly("ok", "1");
        assertThat(records.get(3).error()).isNull();
        assertThat(records.get(3).line()).isEqualTo(4);
    }

    @Test
    @DisplayName("a quoted value that never ends is an error of its record, which takes the rest of the text")
    void unterminatedQuote() throws IOException {
        List<CsvReader.Record> records = readAll("a,b\n1,\"open\n2,3\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).error()).isEqualTo("a quoted value opened on line 2 never ends");
        assertThat(records.get(1).fields()).containsExactly("1", "open\n2,3\n");
    }

    @Test
    @DisplayName("an empty text has no records; a reader that returns few characters at a time reads the same")
    void emptyAndSlowReaders() throws IOException {
        assertThat(readAll("")).isEmpty();
        String text = "\uFEFFa,\"b\r\nc\"\r\n\"\"\"q\"\"\",x\r\n";
        Reader slow = new Reader() {
            private final StringReader inner = new StringReader(text);

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                return inner.read(buf, off, Math.min(len, 1));
            }

            @Override
            public void close() {}
        };
        List<CsvReader.Record> fast = readAll(text);
        List<CsvReader.Record> slowly = readAll(slow);
        assertThat(slowly).isEqualTo(fast);
        assertThat(fast)
                .extracting(CsvReader.Record::fields)
                .containsExactly(List.of("a", "b\r\nc"), List.of("\"q\"", "x"));
    }

    @Test
    @DisplayName("property: any values written by CsvWriter read back exactly once the formula escape is restored")
    void writeReadRoundTrip() throws IOException {
        Random random = new Random(20240301);
        String alphabet = "ab,\"\r\n '=+-@\t;张🎉 ";
        for (int round = 0; round < 500; round++) {
            List<List<String>> rows = new ArrayList<>();
            int width = 1 + random.nextInt(5);
            int height = 1 + random.nextInt(6);
            for (int r = 0; r < height; r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    StringBuilder cell = new StringBuilder();
                    int len = random.nextInt(6);
                    for (int i = 0; i < len; i++) {
                        cell.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(
                                0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                    }
                    row.add(cell.toString());
                }
                // a row of one empty value would be an empty line, which readers skip
                if (width == 1 && row.get(0).isEmpty()) {
                    row.set(0, "x");
                }
                rows.add(row);
            }
            StringWriter out = new StringWriter();
            CsvWriter writer = new CsvWriter(out);
            for (List<String> row : rows) {
                writer.row(row);
            }
            List<CsvReader.Record> read = readAll(out.toString());
            List<List<String>> back = new ArrayList<>();
            for (CsvReader.Record rec : read) {
                assertThat(rec.error()).as("round %d: %s", round, out).isNull();
                back.add(rec.fields().stream().map(SpreadsheetCells::restore).toList());
            }
            assertThat(back).as("round %d: %s", round, out).isEqualTo(rows);
        }
    }
}
