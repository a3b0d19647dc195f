package org.kaowu.domain.ticket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketNumberRuleTest {

    @Test
    void defaultRuleIsYearBatchSiteRoomSeat() {
        TicketNumberRule rule = TicketNumberRule.defaultRule();

        assertEquals("262026AHZ0100703", rule.format(2026, "2026A", "HZ01", 7, 3));
        assertEquals("262026AHZ0112330", rule.format(2026, "2026A", "HZ01", 123, 30));
        assertEquals(TicketNumberRule.DEFAULT_PATTERN, rule.pattern());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{yyyy}-{site}-{room:4}-{seat:3}  | 2026-HZ01-0007-003",
            "ZK{yy}{room:2}{seat:2}           | ZK260703",
            "{batch}/{room:1}/{seat:1}        | 2026A/7/3",
            "{seat:2}{room:3}{batch}          | 030072026A",
    })
    void customPatterns(String pattern, String expected) {
        assertEquals(expected, TicketNumberRule.of(pattern).format(2026, "2026A", "HZ01", 7, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{yy}{batch}{site}{room:3}{seats:2}  | unknown placeholder {seats:2}",
            "{yy}{batch}{site}{ROOM:3}{seat:2}   | unknown placeholder {ROOM:3}",
            "{yy}{batch}{site}{seat:2}           | must contain {room:N} and {seat:N}",
            "{yy}{batch}{site}{room:3}           | must contain {room:N} and {seat:N}",
            "{yy}{room}{seat:2}                  | {room} needs a width",
            "{yy}{room:0}{seat:2}                | bad width in {room:0}",
            "{yy}{room:10}{seat:2}               | bad width in {room:10}",
            "{yy}{room:x}{seat:2}                | bad width in {room:x}",
            "{yy}{room:}{seat:2}                 | bad width in {room:}",
            "{yy}{room:-1}{seat:2}               | bad width in {room:-1}",
            "{yy:2}{room:3}{seat:2}              | {yy} takes no width",
            "{yy{room:3}{seat:2}                 | is never closed",
            "{yy}{room:3}{seat:2                 | is never closed",
            "{yy}}{room:3}{seat:2}               | closes nothing",
            "{}{room:3}{seat:2}                  | unknown placeholder {}",
    })
    void badPatternsAreRejectedUpFront(String pattern, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TicketNumberRule.of(pattern));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(pattern), "the message names the pattern: " + e.getMessage());
    }

    @Test
    void numbersThatDoNotFitTheirWidthAreErrors() {
        TicketNumberRule rule = TicketNumberRule.defaultRule();

        IllegalArgumentException seat = assertThrows(IllegalArgumentException.class,
                () -> rule.format(2026, "2026A", "HZ01", 7, 100));
        assertEquals("seat number 100 does not fit in 2 digits", seat.getMessage());
        IllegalArgumentException room = assertThrows(IllegalArgumentException.class,
                () -> rule.format(2026, "2026A", "HZ01", 1000, 3));
        assertEquals("room number 1000 does not fit in 3 digits", room.getMessage());
        assertEquals("262026AHZ0199999", rule.format(2026, "2026A", "HZ01", 999, 99));
    }

    @Test
    void missingOrImpossibleValuesAreErrors() {
        TicketNumberRule rule = TicketNumberRule.defaultRule();

        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, "2026A", "HZ01", 0, 3));
        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, "2026A", "HZ01", 7, 0));
        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, " ", "HZ01", 7, 3));
        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, "2026A", null, 7, 3));
        assertThrows(IllegalArgumentException.class, () -> rule.format(26, "2026A", "HZ01", 7, 3));
        assertThrows(NullPointerException.class, () -> TicketNumberRule.of(null));
    }

    @Test
    void yearBelowTenKeepsItsLeadingZero() {
        assertEquals("05A11", TicketNumberRule.of("{yy}A{room:1}{seat:1}").format(2005, "B", "S", 1, 1));
    }

    @Test
    void rulesWithTheSamePatternAreEqual() {
        assertEquals(TicketNumberRule.defaultRule(), TicketNumberRule.of(TicketNumberRule.DEFAULT_PATTERN));
    }
}
