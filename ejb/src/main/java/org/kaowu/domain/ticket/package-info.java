/**
 * 准考证: admission tickets — seat allocation (考场编排) and the ticket-number rule (准考证号). Pure Java,
 * no persistence: services feed them rooms, placements and registration ids and store what comes back.
 */
package org.kaowu.domain.ticket;
