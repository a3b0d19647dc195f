/** Excel (xlsx) files of admin lists: one writer, so every export escapes and formats cells the same way. */
package org.kaowu.export;
