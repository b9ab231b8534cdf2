-- One database per service (each owns its event store, outbox and views), and Keycloak's.
CREATE DATABASE petition;
CREATE DATABASE assignment;
CREATE DATABASE followup;
CREATE DATABASE reporting;
CREATE DATABASE keycloak;
