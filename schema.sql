-- The whole current schema of Kabinet's D1 database.
-- migrations/ holds the steps that lead here; tests/schema.rs proves they agree.
-- Every table that holds a municipality's data is reachable from
-- municipalities(id), so that a national deployment can shard by municipality.

CREATE TABLE municipalities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id),
    kind TEXT NOT NULL CHECK (kind IN ('kindergarten', 'school')),
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    district TEXT NOT NULL,
    address TEXT NOT NULL,
    age_from_months INTEGER NOT NULL,
    age_to_months INTEGER NOT NULL,
    phone TEXT,
    email TEXT
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    esia_oid TEXT NOT NULL UNIQUE,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    middle_name TEXT,
    birth_date TEXT,
    gender TEXT CHECK (gender IN ('M', 'F')),
    snils TEXT,
    email TEXT,
    phone TEXT,
    is_portal_admin INTEGER NOT NULL DEFAULT 0,
    esia_updated_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Места работы (вкладка "Должности"). A position linked to an organization
-- with is_operator = 1 is what gives a user the operator's rights there.
CREATE TABLE positions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organization_id INTEGER REFERENCES organizations(id),
    organization_name TEXT NOT NULL,
    title TEXT NOT NULL,
    started_on TEXT,
    is_operator INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX positions_user ON positions(user_id);

-- Дети (вкладка "Дети"): addresses are JSON objects of their parts.
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

-- One row per login in progress: the OpenID Connect state, nonce and PKCE verifier.
CREATE TABLE oidc_logins (
    state TEXT PRIMARY KEY,
    nonce TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_user ON audit_log(user_id, at);

-- The development identity provider (/dev/idp, ENVIRONMENT=development only).
CREATE TABLE dev_idp_persons (
    oid TEXT PRIMARY KEY,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    middle_name TEXT,
    birth_date TEXT NOT NULL,
    gender TEXT NOT NULL,
    snils TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    sort_order INTEGER NOT NULL DEFAULT 1000,
    created_at TEXT NOT NULL
);

CREATE TABLE dev_idp_codes (
    code TEXT PRIMARY KEY,
    oid TEXT NOT NULL REFERENCES dev_idp_persons(oid),
    client_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    nonce TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
