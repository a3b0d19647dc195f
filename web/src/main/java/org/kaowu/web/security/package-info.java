/**
 * Jakarta Security for both audiences: one authentication mechanism, candidates and staff as different
 * identities with different roles; session hygiene (new id at login, all sessions of an account ended
 * when its password is reset); security headers.
 */
package org.kaowu.web.security;
