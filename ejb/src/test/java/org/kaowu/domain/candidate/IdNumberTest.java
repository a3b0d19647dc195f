package org.kaowu.domain.candidate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaowu.exception.BusinessException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vectors were computed independently (weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; sum mod 11 into
 * "10X98765432") and are hard-coded so that a wrong implementation cannot agree with itself.
 */
class IdNumberTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** "Today" is 2024-06-15 in Beijing for every test. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T04:00:00Z"), BEIJING);

    private static IdNumber parse(String raw) {
        return IdNumber.parse(raw, CLOCK);
    }

    private static void assertRejected(String raw, String expectedKey) {
        BusinessException e = assertThrows(BusinessException.class, () -> parse(raw));
        assertEquals(expectedKey, e.getMessageKey());
        assertEquals(0, e.getArguments().length, "raw input must not be carried in the exception");
        assertFalse(IdNumber.isValid(raw, CLOCK));
    }

    @Nested
    class ValidNumbers {

        @Test
        void wellKnownExampleEndingInX() {
            IdNumber id = parse("11010519491231002X");
            assertEquals("11010519491231002X", id.value());
            assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
            assertEquals(Gender.FEMALE, id.gender());
        }

        @Test
        void endingInDigitMale() {
            IdNumber id = parse("110101199003070011");
            assertEquals("110101199003070011", id.value());
            assertEquals(LocalDate.of(1990, 3, 7), id.birthDate());
            assertEquals(Gender.MALE, id.gender());
        }

        @Test
        void endingInXMale() {
            IdNumber id = parse("11010519000101001X");
            assertEquals(Gender.MALE, id.gender());
            assertEquals(LocalDate.of(1900, 1, 1), id.birthDate(), "1900-01-01 is the earliest accepted date");
        }

        @ParameterizedTest
        @CsvSource({
                "11010119900307002X, FEMALE",
                "110101199003070038, MALE",
                "110101199003070046, FEMALE",
                "310115198001011019, MALE",
                "310115198001011027, FEMALE",
                "440305200002291232, MALE",
                "440305200002291240, FEMALE",
                "650102202406150012, MALE",
                "650102202406150020, FEMALE",
                "710102199001010013, MALE",
                "810102199001010017, MALE",
                "820102199001010019, MALE",
                "830000199505100011, MALE",
                "83000019950510002X, FEMALE",
        })
        void validVectors(String raw, Gender gender) {
            IdNumber id = parse(raw);
            assertEquals(raw, id.value());
            assertEquals(gender, id.gender());
            assertTrue(IdNumber.isValid(raw, CLOCK));
        }

        @Test
        void leapDayInLeapYear() {
            assertEquals(LocalDate.of(2000, 2, 29), parse("440305200002291232").birthDate());
        }

        @Test
        void bornTodayIsAccepted() {
            assertEquals(LocalDate.of(2024, 6, 15), parse("650102202406150012").birthDate());
        }

        @Test
        void lowercaseXIsNormalisedToUpperCase() {
            IdNumber id = parse("11010519491231002x");
            assertEquals("11010519491231002X", id.value());
            assertEquals(parse("11010519491231002X"), id);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                " 11010519491231002X",
                "11010519491231002X ",
                "  11010519491231002x\t",
                "\n11010519491231002X\r\n",
        })
        void surroundingAsciiWhitespaceIsTrimmed(String raw) {
            assertEquals("11010519491231002X", parse(raw).value());
        }

        @Test
        void checkDigitMatchesKnownVectors() {
            assertEquals('X', IdNumber.checkDigit("11010519491231002"));
            assertEquals('4', IdNumber.checkDigit("44052418800101001"));
            assertEquals('1', IdNumber.checkDigit("11010119900307001"));
            assertEquals('2', IdNumber.checkDigit("44030520000229123"));
            assertEquals('0', IdNumber.checkDigit("16010219900101001"));
        }

        @Test
        void checkDigitRejectsNonDigits() {
            assertThrows(IllegalArgumentException.class, () -> IdNumber.checkDigit("1101051949123100"));
            assertThrows(IllegalArgumentException.class, () -> IdNumber.checkDigit("1101051949123100A"));
            assertThrows(IllegalArgumentException.class, () -> IdNumber.checkDigit(null));
        }

        @Test
        void parseWithSystemClockAcceptsPastDates() {
            assertEquals("11010519491231002X", IdNumber.parse("11010519491231002X").value());
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "   ", "\t\n", "\u3000"})
        void blankIsRequired(String raw) {
            assertRejected(raw, "idNumber.required");
        }

        @Test
        void nullIsRequired() {
            assertRejected(null, "idNumber.required");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "１１０１０５１９４９１２３１００２Ｘ",   // all full-width
                "11010519491231002Ｘ",                   // full-width X only
                "１10105194912310021",                    // one full-width digit
                "110105\u300019491231002X",             // ideographic space inside
                "11010519491231002X\u3000",             // ideographic space at the end
                "（11010519491231002X）",                 // full-width parentheses
        })
        void fullWidthCharactersAreNamedSpecifically(String raw) {
            assertRejected(raw, "idNumber.fullWidth");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "11010519491231002",      // 17
                "11010519491231002X1",    // 19
                "110105194912310021X",    // 19
                "1",
                "110105 19491231002X",    // inner space makes it 19
                "\u200311010519491231002X", // em space is not ASCII whitespace, so not trimmed
                "11010519491231002X\u00A0", // nor is a no-break space
                "' OR 1=1 --",
                "<script>alert(1)</script>",
        })
        void wrongLength(String raw) {
            assertRejected(raw, "idNumber.length");
        }

        @Test
        void tenThousandCharacters() {
            assertRejected("1".repeat(10_000), "idNumber.length");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "110105 9491231002X",     // inner space, still 18 characters
                "11010519491231002Y",
                "1101051949123100XX",     // X only allowed last
                "X10105194912310021",
                "11010519491231002-",
                "' OR 1=1 --1234567",      // 18 characters of SQL injection
                "<script>alert1</sc",      // 18 characters of markup
                "11010519491231\u066202X",  // Arabic-Indic digit two
                "110105194912310\u00A02X", // no-break space inside
        })
        void wrongFormat(String raw) {
            assertEquals(18, raw.length(), "test vector must be 18 characters");
            assertRejected(raw, "idNumber.format");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "100102199001010011",
                "160102199001010010",
                "840102199001010012",
                "000102199001010011",
                "990102199001010011",
                "200102199001010011",
                "700102199001010011",
                "800102199001010011",
        })
        void invalidRegion(String raw) {
            assertRejected(raw, "idNumber.region");
        }

        @Test
        void regionIsCheckedBeforeChecksum() {
            // 10010219900101001X has a correct check digit, so only the region can be to blame.
            assertEquals('X', IdNumber.checkDigit("10010219900101001"));
            assertRejected("10010219900101001X", "idNumber.region");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "110105202302290014", // Feb 29 in a non-leap year (checksum correct)
                "110105190002290017", // 1900 was not a leap year
                "110105199013010018", // month 13
                "110105199004310019", // April 31
                "110105199001000015", // day 0
                "110105189912310015", // before 1900-01-01
                "440524188001010014", // well-known 1880 example: checksum fine, date too early
                "110105202406160011", // tomorrow according to the fixed clock
        })
        void invalidBirthDate(String raw) {
            assertEquals(raw.charAt(17), IdNumber.checkDigit(raw), "vector must only fail on the date");
            assertRejected(raw, "idNumber.birthDate");
        }

        @Test
        void futureDependsOnTheClock() {
            Clock nextDay = Clock.fixed(Instant.parse("2024-06-16T01:00:00Z"), BEIJING);
            assertRejected("110105202406160011", "idNumber.birthDate");
            assertEquals(LocalDate.of(2024, 6, 16), IdNumber.parse("110105202406160011", nextDay).birthDate());
            assertTrue(IdNumber.isValid("110105202406160011", nextDay));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "110105194912310021", // X changed to 1
                "110105194912310020",
                "11010519491231003X", // sequence digit changed
                "11010619491231002X", // region digit changed
                "11010519491230002X", // date digit changed (still a real date)
                "110101199003070012",
                "11010119900307001X",
                "440305200002291233",
        })
        void nearMissFailsChecksum(String raw) {
            assertRejected(raw, "idNumber.checksum");
        }

        @Test
        void lowercaseXWithWrongChecksum() {
            assertRejected("11010119900307001x", "idNumber.checksum");
        }
    }

    @Nested
    class Masking {

        @Test
        void maskedShowsFirstSixAndLastFour() {
            IdNumber id = parse("11010519491231002X");
            assertEquals("110105********002X", id.masked());
            assertEquals("110105********002X", id.toString());
            assertEquals("110101********0011", parse("110101199003070011").masked());
        }

        @Test
        void toStringNeverContainsTheBirthDate() {
            IdNumber id = parse("11010519491231002x");
            assertFalse(id.toString().contains("19491231"));
            assertFalse(("candidate " + id).contains("19491231"));
        }

        @Test
        void staticMask() {
            assertEquals("110105********002X", IdNumber.mask("11010519491231002X"));
            assertEquals("ABCDEF********OPQR", IdNumber.mask("ABCDEFGHIJKLMNOPQR"));
        }

        @Test
        void staticMaskLeavesOtherInputAlone() {
            assertNull(IdNumber.mask(null));
            assertEquals("", IdNumber.mask(""));
            String seventeen = "11010519491231002";
            assertSame(seventeen, IdNumber.mask(seventeen));
            assertEquals("11010519491231002X1", IdNumber.mask("11010519491231002X1"));
        }
    }

    @Nested
    class Equality {

        @Test
        void equalByNormalisedValue() {
            IdNumber a = parse("11010519491231002X");
            IdNumber b = parse(" 11010519491231002x ");
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
        }

        @Test
        void differentNumbersAreNotEqual() {
            assertNotEquals(parse("11010519491231002X"), parse("110101199003070011"));
            assertNotEquals(parse("11010519491231002X"), "11010519491231002X");
            assertNotEquals(null, parse("11010519491231002X"));
        }
    }

    @Test
    void clockIsRequired() {
        assertThrows(NullPointerException.class, () -> IdNumber.parse("11010519491231002X", null));
    }
}
