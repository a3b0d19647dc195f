/**
 * Demo data for the README's run command. Runs only when MicroProfile Config {@code kaowu.demo=true} (set
 * by {@code payara-config/run.sh}, never in production); it only adds what is missing, never deletes.
 */
package org.kaowu.demo;
