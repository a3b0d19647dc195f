/** 考试报名: registrations, their positions and the profile snapshot taken at submission. */
package org.kaowu.domain.registration;
