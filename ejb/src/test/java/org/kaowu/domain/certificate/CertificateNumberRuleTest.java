package org.kaowu.domain.certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateNumberRuleTest {

    @Test
    void defaultRuleIsProvinceYearPositionSequence() {
        CertificateNumberRule rule = CertificateNumberRule.defaultRule("33");

        assertEquals("332026A01000123", rule.format(2026, "A01", 123));
        assertEquals("332026A01999999", rule.format(2026, "A01", 999_999));
        assertEquals(CertificateNumberRule.DEFAULT_PATTERN, rule.pattern());
        assertEquals("33", rule.provinceCode());
        assertEquals(6, rule.sequenceWidth());
        assertEquals(999_999, rule.maxSequence());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{province}-{yy}-{position}-{seq:5}  | 33-26-A01-00123",
            "ZJ{yyyy}{position}{seq:7}           | ZJ2026A010000123",
            "{position}{yyyy}{seq:3}             | A012026123",
            "{yyyy}{position}{province}{seq:9}   | 2026A0133000000123",
    })
    void customPatterns(String pattern, String expected) {
        assertEquals(expected, CertificateNumberRule.of(pattern, "33").format(2026, "A01", 123));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{province}{yyyy}{position}{sequence:6}  | unknown placeholder {sequence:6}",
            "{province}{yyyy}{POSITION}{seq:6}       | unknown placeholder {POSITION}",
            "{province}{yyyy}{position}              | must contain {seq:N}",
            "{province}{yyyy}{seq:6}                 | must contain a year ({yyyy} or {yy}) and {position}",
            "{province}{position}{seq:6}             | must contain a year ({yyyy} or {yy}) and {position}",
            "{province}{yyyy}{position}{seq}         | {seq} needs a width",
            "{province}{yyyy}{position}{seq:0}       | bad width in {seq:0}",
            "{province}{yyyy}{position}{seq:10}      | bad width in {seq:10}",
            "{province}{yyyy}{position}{seq:x}       | bad width in {seq:x}",
            "{province}{yyyy}{position}{seq:-1}      | bad width in {seq:-1}",
            "{province:2}{yyyy}{position}{seq:6}     | {province} takes no width",
            "{province}{yyyy}{seq:6}{position}       | {seq:N} must come last",
            "{province}{yyyy}{position}{seq:6}X      | {seq:N} must come last",
            "{yyyy}{position}{seq:3}{seq:3}          | {seq:N} appears more than once",
            "{yyyy}{position}{position}{seq:6}       | {position} appears more than once",
            "{yy}{yyyy}{position}{seq:6}             | {yy} and {yyyy} together repeat the year",
            "{province}{yyyy}/{position}{seq:6}      | literal text \"/\" may hold only",
            "证{yyyy}{position}{seq:6}               | literal text \"证\" may hold only",
            "{province{yyyy}{position}{seq:6}        | is never closed",
            "{province}{yyyy}{position}{seq:6        | is never closed",
            "{province}}{yyyy}{position}{seq:6}      | closes nothing",
            "{}{yyyy}{position}{seq:6}               | unknown placeholder {}",
    })
    void badPatternsAreRejectedUpFront(String pattern, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CertificateNumberRule.of(pattern, "33"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains(pattern), "the message names the pattern: " + e.getMessage());
    }

    @Test
    void provinceCodeMustBeTwoDigitsWhenThePatternUsesIt() {
        for (String bad : new String[] {"3", "330", "ZJ", "３３", " 33", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CertificateNumberRule.defaultRule(bad));
            assertTrue(e.getMessage().contains("province code must be 2 digits"), e.getMessage());
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CertificateNumberRule.defaultRule(null));
        assertTrue(missing.getMessage().endsWith("was missing"), missing.getMessage());

        CertificateNumberRule without = CertificateNumberRule.of("ZJ{yyyy}{position}{seq:6}", null);
        assertNull(without.provinceCode());
        assertEquals("ZJ2026B07000001", without.format(2026, "B07", 1));
    }

    @Test
    void sequenceThatDoesNotFitItsWidthIsAnError() {
        CertificateNumberRule rule = CertificateNumberRule.of("{province}{yy}{position}{seq:2}", "33");

        assertEquals("3326A0199", rule.format(2026, "A01", 99));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule.format(2026, "A01", 100));
        assertEquals("sequence number 100 does not fit in 2 digits of {province}{yy}{position}{seq:2}", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, "A01", 0));
    }

    @Test
    void capacityIsCheckedBeforeARunStarts() {
        CertificateNumberRule rule = CertificateNumberRule.defaultRule("33");

        rule.checkCapacity(2026, "A01", 999_000, 999);
        rule.checkCapacity(2026, "A01", 0, 999_999);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.checkCapacity(2026, "A01", 999_000, 1000));
        assertEquals("sequence 332026A01 of {province}{yyyy}{position}{seq:6} overflows: 999000 used, 1000 more "
                + "needed, room for 999999 (6 digits); widen {seq:N}", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rule.checkCapacity(2026, "A01", 0, 5_000_000_000L));
    }

    @Test
    void prefixAndLengthFindTheNumbersOfOneSequence() {
        CertificateNumberRule rule = CertificateNumberRule.defaultRule("33");

        assertEquals("332026A01", rule.prefix(2026, "A01"));
        assertEquals(15, rule.length(2026, "A01"));
        // A010's numbers share A01's prefix but not its length
        String other = rule.format(2026, "A010", 5);
        assertTrue(other.startsWith(rule.prefix(2026, "A01")));
        assertEquals(16, other.length());

        assertEquals(OptionalInt.of(123), rule.sequenceOf("332026A01000123", 2026, "A01"));
        assertEquals(OptionalInt.empty(), rule.sequenceOf(other, 2026, "A01"));
        assertEquals(OptionalInt.empty(), rule.sequenceOf("332025A01000123", 2026, "A01"));
        assertEquals(OptionalInt.empty(), rule.sequenceOf("332026A0100012X", 2026, "A01"));
        assertEquals(OptionalInt.empty(), rule.sequenceOf("332026A01000000", 2026, "A01"));
        assertEquals(OptionalInt.empty(), rule.sequenceOf(null, 2026, "A01"));
        // a 2-digit year keeps its leading zero
        assertEquals("3305A01", CertificateNumberRule.of("{province}{yy}{position}{seq:6}", "33").prefix(2005, "A01"));
    }

    @Test
    void fixedWidthMakesStringOrderSequenceOrder() {
        CertificateNumberRule rule = CertificateNumberRule.defaultRule("33");

        assertTrue(rule.format(2026, "A01", 99).compareTo(rule.format(2026, "A01", 100)) < 0);
        assertTrue(rule.format(2026, "A01", 99_999).compareTo(rule.format(2026, "A01", 100_000)) < 0);
    }

    @Test
    void missingOrImpossibleValuesAreErrors() {
        CertificateNumberRule rule = CertificateNumberRule.defaultRule("33");

        assertThrows(IllegalArgumentException.class, () -> rule.format(26, "A01", 1));
        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, null, 1));
        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, " ", 1));
        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, "A%", 1));
        assertThrows(IllegalArgumentException.class, () -> rule.format(2026, "A_1", 1));
        assertThrows(NullPointerException.class, () -> CertificateNumberRule.of(null, "33"));
    }

    @Test
    void rulesAreEqualByPatternAndProvince() {
        assertEquals(CertificateNumberRule.defaultRule("33"), CertificateNumberRule.of(CertificateNumberRule.DEFAULT_PATTERN, "33"));
        assertTrue(!CertificateNumberRule.defaultRule("33").equals(CertificateNumberRule.defaultRule("32")));
    }
}
