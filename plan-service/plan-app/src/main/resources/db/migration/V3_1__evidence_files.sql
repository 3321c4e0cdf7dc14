-- Files shown as evidence (medio de verificación). The events carry each file's SHA-256; the content is kept here,
-- written once and never changed, so that a download is the very file whose hash the history holds.
CREATE TABLE evidence_file (
    file_id        VARCHAR(64)  PRIMARY KEY,
    plan_id        VARCHAR(64)  NOT NULL,
    institution_id VARCHAR(100) NOT NULL,
    name           TEXT         NOT NULL,
    content_type   VARCHAR(120) NOT NULL,
    size           BIGINT       NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        BYTEA        NOT NULL,
    uploaded_by    VARCHAR(100) NOT NULL,
    uploaded_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX evidence_file_plan ON evidence_file (plan_id);
