package dev.guanxi.crm.stewardship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {
    @Test
    @DisplayName("a value starting with = + - @ tab or CR gets one leading apostrophe, and restore removes it")
    void formulaStarts() {
        for (String v : new String[] {"=1+2", "+8613900001111", "-12.50", "@SUM(A1)", "\tcmd", "\rcmd"}) {
            String cell = SpreadsheetCells.neutralise(v);
            assertThat(cell).isEqualTo("'" + v);
            assertThat(SpreadsheetCells.isFormula(cell)).isFalse();
            assertThat(SpreadsheetCells.restore(cell)).isEqualTo(v);
        }
    }

    @Test
    @DisplayName("other values are unchanged, except one that already looks escaped, which is escaped once more")
    void otherValues() {
        assertThat(SpreadsheetCells.neutralise("Wang Fang")).isEqualTo("Wang Fang");
        assertThat(SpreadsheetCells.neutralise("'Hello")).isEqualTo("'Hello");
        assertThat(SpreadsheetCells.restore("'Hello")).isEqualTo("'Hello");
        assertThat(SpreadsheetCells.neutralise("'=x")).isEqualTo("''=x");
        assertThat(SpreadsheetCells.restore("''=x")).isEqualTo("'=x");
        assertThat(SpreadsheetCells.neutralise("''")).isEqualTo("'''");
        assertThat(SpreadsheetCells.neutralise("")).isEmpty();
        assertThat(SpreadsheetCells.neutralise(null)).isNull();
        assertThat(SpreadsheetCells.restore("'")).isEqualTo("'");
    }

    @Test
    @DisplayName("property: restore(neutralise(v)) is v, and neutralise never starts a formula, for random values")
    void roundTrip() {
        Random random = new Random(7);
        char[] alphabet = {'\'', '=', '+', '-', '@', '\t', '\r', 'a', '1', ' '};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(5);
            for (int k = 0; k < len; k++) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String v = b.toString();
            String cell = SpreadsheetCells.neutralise(v);
            assertThat(SpreadsheetCells.restore(cell)).as("'%s'", v).isEqualTo(v);
            if (!cell.isEmpty()) {
                assertThat(SpreadsheetCells.isFormula(cell)).as("'%s'", v).isFalse();
            }
        }
    }
}
