package org.kaowu.domain.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaowu.exception.BusinessException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    private static final String ID = "11010519491231002X";

    private static void assertRejected(String password, String confirmation, String account, String expectedKey) {
        BusinessException e = assertThrows(BusinessException.class, () -> PasswordPolicy.check(
                password == null ? null : password.toCharArray(),
                confirmation == null ? null : confirmation.toCharArray(),
                account));
        assertEquals(expectedKey, e.getMessageKey());
        assertEquals(0, e.getArguments().length, "the password must never travel in the exception");
    }

    private static void assertRejected(String password, String expectedKey) {
        assertRejected(password, null, ID, expectedKey);
    }

    private static void assertAccepted(String password, String confirmation, String account) {
        assertDoesNotThrow(() -> PasswordPolicy.check(password.toCharArray(),
                confirmation == null ? null : confirmation.toCharArray(), account));
    }

    @Test
    void goodPasswordWithMatchingConfirmation() {
        assertAccepted("Kaowu-2024!", "Kaowu-2024!", ID);
    }

    @Test
    void confirmationNullSkipsMismatch() {
        assertAccepted("Kaowu-2024!", null, ID);
    }

    @Test
    void accountNullSkipsSameAsAccount() {
        assertAccepted("Kaowu-2024!", null, null);
        assertAccepted("zhangsan88x", null, "  ");
    }

    @Test
    void required() {
        assertRejected(null, "password.required");
        assertRejected("", "password.required");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "      ", "\t\t\t\t\t\t\t", "\u3000\u3000\u3000\u3000\u3000\u3000", "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0"})
    void whitespaceOnlyIsRequired(String password) {
        assertRejected(password, "password.required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ab1", "abcd5", "x2y3z"})
    void tooShort(String password) {
        assertRejected(password, "password.tooShort");
    }

    @Test
    void shortDigitsOnlyIsReportedAsTooShortFirst() {
        assertRejected("12345", "password.tooShort");
    }

    @Test
    void sixCharactersIsTheMinimum() {
        assertAccepted("k7m2q9", null, ID);
        assertRejected("k7m2q", "password.tooShort");
    }

    @Test
    void lengthCountsCodePointsNotChars() {
        // Five emoji are ten chars but five characters for the user.
        assertRejected("\uD83D\uDE00".repeat(5), "password.tooShort");
        assertAccepted("\uD83D\uDE00".repeat(6), null, ID);
    }

    @Test
    void sixtyFourIsTheMaximum() {
        String sixtyFour = "aB3$".repeat(16);
        assertEquals(64, sixtyFour.length());
        assertAccepted(sixtyFour, sixtyFour, ID);
        String sixtyFive = sixtyFour + "z";
        assertRejected(sixtyFive, sixtyFive, ID, "password.tooLong");
        assertRejected("x".repeat(10_000), "password.tooLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "000000", "20240615", "１２３４５６７", "9999999999999999999999999999999999999999999999999999999999999999"})
    void digitsOnly(String password) {
        assertRejected(password, "password.digitsOnly");
    }

    @Test
    void oneLetterIsEnoughToNotBeDigitsOnly() {
        assertAccepted("8371946a", null, ID);
    }

    @Test
    void sameAsIdNumberCaseInsensitive() {
        assertRejected("11010519491231002X", null, "11010519491231002X", "password.sameAsAccount");
        assertRejected("11010519491231002x", null, "11010519491231002X", "password.sameAsAccount");
        assertRejected("11010519491231002X", null, "11010519491231002x", "password.sameAsAccount");
        assertRejected("11010519491231002x", null, " 11010519491231002X ", "password.sameAsAccount");
    }

    @Test
    void sameAsUserName() {
        assertRejected("ZhangSan", null, "zhangsan", "password.sameAsAccount");
        assertAccepted("zhangsan1", null, "zhangsan");
    }

    @Test
    void idNumberEndingInDigitIsDigitsOnlyFirst() {
        assertRejected("110101199003070011", null, "110101199003070011", "password.digitsOnly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PassWord", "QWERTY", "abc123", "123abc", "a123456", "qwe123", "5201314a",
            "iloveyou", "woaini1314", "admin123", "aa123456", "1qaz2wsx", "zxcvbnm", "P@ssw0rd"})
    void common(String password) {
        assertRejected(password, "password.common");
    }

    @Test
    void commonIsCheckedBeforeMismatch() {
        assertRejected("password", "different", ID, "password.common");
    }

    @Test
    void mismatch() {
        assertRejected("Kaowu-2024!", "Kaowu-2024?", ID, "password.mismatch");
        assertRejected("Kaowu-2024!", "kaowu-2024!", ID, "password.mismatch");
        assertRejected("Kaowu-2024!", "", ID, "password.mismatch");
    }

    @Test
    void passwordIsNotModified() {
        char[] password = "Kaowu-2024!".toCharArray();
        PasswordPolicy.check(password, null, ID);
        assertEquals("Kaowu-2024!", new String(password));
    }

    @Test
    void commonListIsLoadedAndClean() throws IOException {
        List<String> entries = new ArrayList<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS_RESOURCE)) {
            assertNotNull(in, "resource must be on the class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(line);
                }
            }
        }
        assertTrue(entries.size() >= 250, "expected about 300 entries, got " + entries.size());
        assertEquals(entries.size(), new HashSet<>(entries).size(), "no duplicates");
        assertEquals(entries.size(), PasswordPolicy.commonPasswordCount());
        for (String entry : entries) {
            assertEquals(entry.strip(), entry, "no surrounding whitespace: " + entry);
            assertEquals(entry.toLowerCase(Locale.ROOT), entry, "lower case: " + entry);
            assertTrue(entry.length() >= PasswordPolicy.MIN_LENGTH, "too short to ever matter: " + entry);
            assertFalse(entry.chars().allMatch(Character::isDigit), "digits only never reaches the list: " + entry);
            assertTrue(PasswordPolicy.isCommon(entry.toCharArray()), entry);
        }
    }

    @Test
    void isCommonIsCaseInsensitive() {
        assertTrue(PasswordPolicy.isCommon("IloveYou".toCharArray()));
        assertFalse(PasswordPolicy.isCommon("Kaowu-2024!".toCharArray()));
    }
}
