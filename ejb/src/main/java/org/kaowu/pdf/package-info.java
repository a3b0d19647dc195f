/**
 * PDF documents (OpenPDF) with the CJK font embedded: the registration form now; admission tickets and
 * certificates later. Fonts are loaded once ({@link org.kaowu.pdf.PdfFonts}).
 */
package org.kaowu.pdf;
