/** Exam batches (考试批次), exam sites (考点), positions (岗位) and what a batch offers of them. */
package org.kaowu.domain.exam;
