/** Candidates (考生): the account whose name is the national ID number, and the personal profile. */
package org.kaowu.domain.candidate;
