/** Faces converters shared by several pages. */
package org.kaowu.web.converter;
