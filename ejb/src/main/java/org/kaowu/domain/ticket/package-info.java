/**
 * 准考证: admission tickets — the stored tickets and each batch's ticket set-up (entities), and the pure rules
 * they are made by: seat allocation (考场编排) and the ticket-number rule (准考证号), which know nothing of
 * persistence: services feed them rooms, placements and registration ids and store what comes back.
 */
package org.kaowu.domain.ticket;
