-- 0002: children with addresses and health information, their documents,
-- the user's own documents; applications now name the child.

CREATE TABLE children (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    middle_name TEXT,
    birth_date TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    snils TEXT,
    citizenship TEXT,
    registration TEXT NOT NULL DEFAULT '{}',
    actual_same_as_registration INTEGER NOT NULL DEFAULT 1,
    actual TEXT NOT NULL DEFAULT '{}',
    health_group TEXT,
    disability INTEGER NOT NULL DEFAULT 0,
    adapted_program INTEGER NOT NULL DEFAULT 0,
    pmpk_number TEXT,
    pmpk_date TEXT,
    health_notes TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX children_user ON children(user_id);

CREATE TABLE child_documents (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    doc_type TEXT NOT NULL,
    series TEXT,
    number TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    issued_by TEXT,
    act_record_number TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX child_documents_child ON child_documents(child_id);

CREATE TABLE user_documents (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    doc_type TEXT NOT NULL,
    series TEXT,
    number TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    issued_by TEXT,
    division_code TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX user_documents_user ON user_documents(user_id);

-- Nothing has written applications yet: recreate it with the child it is for.
DROP TABLE applications;
CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    child_id TEXT NOT NULL REFERENCES children(id),
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX applications_user ON applications(user_id);
CREATE INDEX applications_child ON applications(child_id);
