package org.tomprotocol.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void columnsAreAsWideAsTheirWidestCellAndLinesHaveNoTrailingSpace() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            new TextTable("A", "BB", "C").row("long cell", "x", "").row("y", "wider cell", "z").print(out);
        }

        assertThat(text.toString().lines()).containsExactly(
                "A          BB          C",
                "long cell  x",
                "y          wider cell  z");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejected() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 2 cells");
    }
}
