-- Course packages (feature course): a course, its imported versions, the launchable units of a version, and the
-- version's files, whose content is stored once per SHA-256 in chunks (content_blob / content_chunk), so that every
-- server node on this database can serve it. See docs/course-packages.md.

-- A course: one identifier (the cmi5 course id, the xAPI course activity id, our packages' course IRI, or a
-- SCORM manifest identifier) within one owner. organisation_id NULL: shared with every organisation (the courses
-- imported from courses/ at first start); otherwise the organisation that imported it, and only it, sees it.
CREATE TABLE course (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    organisation_id   BIGINT        NULL,
    owner_key         BIGINT        AS (COALESCE(organisation_id, 0)) STORED,
    identifier        VARCHAR(1000) NOT NULL,
    identifier_sha256 BINARY(32)    NOT NULL,
    created_at        TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_course_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_course_owner_identifier UNIQUE (owner_key, identifier_sha256),
    INDEX ix_course_organisation (organisation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One import of a course. Never deleted: a later registration points at the version it started on
-- (course_version.id), so a new import never changes what a started learner plays. Withdrawn versions stay.
CREATE TABLE course_version (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    course_id      BIGINT        NOT NULL,
    version_number INT           NOT NULL,           -- 1, 2, 3 ... per course, in import order
    version_label  VARCHAR(100)  NULL,               -- the package's own version (course.yaml version, manifest version)
    format         VARCHAR(16)   NOT NULL,           -- scorm12, scorm2004, xapi, cmi5, web
    edition        VARCHAR(40)   NULL,               -- SCORM: 1.2, CAM 1.3 (2nd Ed.), 2004 3rd Edition, 2004 4th Edition
    title          VARCHAR(500)  NOT NULL,
    metadata       LONGTEXT      NOT NULL,           -- JSON: titles, descriptions, languages, duration, competences, objectives
    package_sha256 BINARY(32)    NOT NULL,
    package_bytes  BIGINT        NOT NULL,
    imported_by    BIGINT        NULL,               -- account; NULL for the start-up import of courses/
    imported_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    withdrawn_at   TIMESTAMP(3)  NULL,
    withdrawn_by   BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_course_version_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_course_version_importer FOREIGN KEY (imported_by) REFERENCES account (id),
    CONSTRAINT fk_course_version_withdrawer FOREIGN KEY (withdrawn_by) REFERENCES account (id),
    CONSTRAINT uq_course_version_number UNIQUE (course_id, version_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The launchable units of a version in manifest order: SCORM SCOs (and assets), cmi5 AUs, the xAPI or web launch page.
CREATE TABLE course_unit (
    version_id    BIGINT        NOT NULL,
    position      INT           NOT NULL,
    identifier    VARCHAR(1000) NOT NULL,             -- SCORM item identifier, cmi5 AU id, xAPI activity id
    title         VARCHAR(500)  NOT NULL,
    launch        VARCHAR(2000) NOT NULL,             -- path in the package (with its query), or an absolute URL (cmi5)
    kind          VARCHAR(16)   NOT NULL,             -- sco, asset, au, launch
    block_path    VARCHAR(2000) NULL,                 -- cmi5: the ids of the enclosing blocks, outermost first, space-separated
    move_on       VARCHAR(32)   NULL,                 -- cmi5 moveOn
    mastery_score DECIMAL(5, 4) NULL,                 -- cmi5 masteryScore, SCORM 1.2 adlcp:masteryscore / 100
    launch_method VARCHAR(16)   NULL,                 -- cmi5 launchMethod
    parameters    TEXT          NULL,                 -- cmi5 launchParameters, SCORM 1.2 adlcp:datafromlms, SCORM 2004 parameters
    PRIMARY KEY (version_id, position),
    CONSTRAINT fk_course_unit_version FOREIGN KEY (version_id) REFERENCES course_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A file's content, once per SHA-256, whoever's package holds it.
CREATE TABLE content_blob (
    sha256     BINARY(32)   NOT NULL,
    size       BIGINT       NOT NULL,
    chunks     INT          NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (sha256)
) ENGINE = InnoDB;

CREATE TABLE content_chunk (
    sha256 BINARY(32) NOT NULL,
    seq    INT        NOT NULL,
    data   MEDIUMBLOB NOT NULL,
    PRIMARY KEY (sha256, seq),
    CONSTRAINT fk_content_chunk_blob FOREIGN KEY (sha256) REFERENCES content_blob (sha256)
) ENGINE = InnoDB;

-- The files of a version, by path in the package.
CREATE TABLE course_file (
    version_id     BIGINT        NOT NULL,
    path_sha256    BINARY(32)    NOT NULL,
    path           VARCHAR(1000) NOT NULL,
    content_sha256 BINARY(32)    NOT NULL,
    size           BIGINT        NOT NULL,
    PRIMARY KEY (version_id, path_sha256),
    CONSTRAINT fk_course_file_version FOREIGN KEY (version_id) REFERENCES course_version (id),
    CONSTRAINT fk_course_file_blob FOREIGN KEY (content_sha256) REFERENCES content_blob (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
