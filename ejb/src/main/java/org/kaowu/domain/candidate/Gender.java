package org.kaowu.domain.candidate;

/** 性别, as derived from the national ID number's 17th digit (odd = male). */
public enum Gender {
    MALE, FEMALE
}
