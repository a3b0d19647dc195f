/** JPA plumbing shared by the repositories: the persistence unit and the schema migrations at start-up. */
package org.kaowu.infrastructure.persistence;
