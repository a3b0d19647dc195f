package org.kaowu.domain.certificate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationCodeTest {

    private static final String CODE = "K7M3-Q9XA-2FH" + VerificationCode.checkCharacter("K7M3Q9XA2FH?".toCharArray());

    @Test
    void alphabetHasNoLookAlikes() {
        assertEquals(31, VerificationCode.ALPHABET.length());
        for (char c : "0O1IL".toCharArray()) {
            assertEquals(-1, VerificationCode.ALPHABET.indexOf(c), "contains " + c);
        }
        assertEquals(VerificationCode.ALPHABET.length(), VerificationCode.ALPHABET.chars().distinct().count());
        assertEquals(1, VerificationCode.LENGTH * VerificationCode.INVERSE_OF_LENGTH % 31);
    }

    @Test
    void generatedCodesAreGroupedAndWellFormed() {
        for (int i = 0; i < 10_000; i++) {
            String code = VerificationCode.generate();
            assertTrue(code.matches("[" + VerificationCode.ALPHABET + "]{4}(-[" + VerificationCode.ALPHABET + "]{4}){2}"),
                    code);
            assertEquals(VerificationCode.TEXT_LENGTH, code.length());
            assertTrue(VerificationCode.isWellFormed(code), code);
            assertEquals(code, VerificationCode.normalise(code));
        }
    }

    @Test
    void aMillionCodesAreAllDifferentAndUseTheWholeAlphabet() {
        int count = 1_000_000;
        long start = System.nanoTime();
        String[] codes = new String[count];
        for (int i = 0; i < count; i++) {
            codes[i] = VerificationCode.generate();
        }
        long generated = System.nanoTime();
        // as base-31 numbers in a sorted long[]: 8 MB instead of a set of a million strings
        long[] values = new long[count];
        boolean[][] seen = new boolean[VerificationCode.RANDOM_LENGTH][31];
        for (int i = 0; i < count; i++) {
            String compact = codes[i].replace("-", "");
            long value = 0;
            for (int p = 0; p < VerificationCode.RANDOM_LENGTH; p++) {
                int digit = VerificationCode.ALPHABET.indexOf(compact.charAt(p));
                seen[p][digit] = true;
                value = value * 31 + digit;
            }
            values[i] = value;
        }
        Arrays.sort(values);
        int collisions = 0;
        for (int i = 1; i < count; i++) {
            if (values[i] == values[i - 1]) {
                collisions++;
            }
        }
        System.out.printf("verification codes: %,d generated in %.0f ms, %d collisions%n", count,
                (generated - start) / 1e6, collisions);
        assertEquals(0, collisions);
        for (boolean[] position : seen) {
            for (boolean used : position) {
                assertTrue(used, "every character occurs at every position");
            }
        }
    }

    @Test
    void everySingleCharacterTypoIsDetected() {
        Random random = new Random(9);
        int checked = 0;
        for (int n = 0; n < 2_000; n++) {
            char[] code = compact(VerificationCode.generate(random));
            for (int p = 0; p < code.length; p++) {
                char original = code[p];
                for (char typo : VerificationCode.ALPHABET.toCharArray()) {
                    if (typo == original) {
                        continue;
                    }
                    code[p] = typo;
                    assertFalse(VerificationCode.isWellFormed(new String(code)), new String(code));
                    checked++;
                }
                code[p] = original;
                assertTrue(VerificationCode.isWellFormed(new String(code)));
            }
        }
        System.out.printf("verification codes: %,d single-character typos, all detected%n", checked);
    }

    @Test
    void everyTranspositionIsDetected() {
        Random random = new Random(31);
        int adjacent = 0;
        for (int n = 0; n < 20_000; n++) {
            char[] code = compact(VerificationCode.generate(random));
            for (int p = 0; p < code.length - 1; p++) {
                for (int q = p + 1; q < code.length; q++) {
                    if (code[p] == code[q]) {
                        continue;
                    }
                    swap(code, p, q);
                    assertFalse(VerificationCode.isWellFormed(new String(code)), new String(code));
                    swap(code, p, q);
                    adjacent += q == p + 1 ? 1 : 0;
                }
            }
        }
        System.out.printf("verification codes: %,d adjacent transpositions (and all farther swaps), all detected%n",
                adjacent);
    }

    @Test
    void everyAdjacentPairOfTheAlphabetSwappedAtEveryPlaceIsDetected() {
        // exhaustive over the pairs, independent of the random codes above: a swap of a and b at positions
        // p, p+1 changes the sum by (a − b)(w_p − w_p+1), never 0 mod 31
        char[] base = compact(CODE);
        for (int p = 0; p < VerificationCode.LENGTH - 1; p++) {
            for (char a : VerificationCode.ALPHABET.toCharArray()) {
                for (char b : VerificationCode.ALPHABET.toCharArray()) {
                    if (a == b) {
                        continue;
                    }
                    char[] code = base.clone();
                    code[p] = a;
                    code[p + 1] = b;
                    boolean before = VerificationCode.isWellFormed(new String(code));
                    swap(code, p, p + 1);
                    assertFalse(before && VerificationCode.isWellFormed(new String(code)),
                            "both orders pass: " + new String(code));
                }
            }
        }
    }

    @Test
    void normaliseAcceptsCaseSpacesDashesAndFullWidth() {
        String lower = CODE.toLowerCase();
        for (String typed : new String[] {lower, lower.replace("-", ""), " " + lower.replace("-", " ") + " ",
                CODE.replace("-", "—"), CODE.replace("-", " - "), toFullWidth(CODE), CODE.replace("-", "\u3000"),
                CODE.substring(0, 2) + "\u00a0" + CODE.substring(2)}) {
            assertEquals(CODE, VerificationCode.normalise(typed), typed);
            assertTrue(VerificationCode.isWellFormed(typed), typed);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "1", "I", "L", "o", "l", "i"})
    void lookAlikesAreNotGuessedButRejected(String lookAlike) {
        String typed = lookAlike + CODE.substring(1);
        assertEquals(lookAlike.toUpperCase() + CODE.substring(1), VerificationCode.normalise(typed));
        assertFalse(VerificationCode.isWellFormed(typed));
    }

    @Test
    void wrongLengthsAndStrayCharactersAreRejected() {
        assertEquals("", VerificationCode.normalise(null));
        assertFalse(VerificationCode.isWellFormed(null));
        assertFalse(VerificationCode.isWellFormed(""));
        assertFalse(VerificationCode.isWellFormed(CODE.substring(0, 13)));
        assertEquals("K7M3Q9XA2FH", VerificationCode.normalise(CODE.substring(0, 13)));
        assertFalse(VerificationCode.isWellFormed(CODE + "2"));
        assertFalse(VerificationCode.isWellFormed(CODE.replace('-', '.')));
        assertFalse(VerificationCode.isWellFormed(CODE.replace('-', '_')));
        assertFalse(VerificationCode.isWellFormed("验证码" + CODE.substring(3)));
        assertFalse(VerificationCode.isWellFormed("'; DROP TABLE--"));
    }

    @Test
    void aSeededSourceGivesRepeatableCodes() {
        assertEquals(VerificationCode.generate(new Random(7)), VerificationCode.generate(new Random(7)));
    }

    private static char[] compact(String code) {
        return code.replace("-", "").toCharArray();
    }

    private static void swap(char[] chars, int p, int q) {
        char t = chars[p];
        chars[p] = chars[q];
        chars[q] = t;
    }

    private static String toFullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c == '-' ? '－' : (char) (c - 0x21 + 0xFF01));
        }
        return out.toString();
    }
}
