//! The native test harness: the whole router over SQLite (the same
//! schema.sql and demo data as D1), in-memory KV with TTL, a job queue the
//! test drains step by step, a controllable clock and a scripted HTTP client.
// Not every test module uses every helper.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Duration, TimeZone, Utc};
use http_body_util::BodyExt;
use kabinet::app::{jobs, jobs::Job, App};
use kabinet::config::Config;
use kabinet::ports::{
    Clock, Db, DbError, HttpClient, HttpClientError, Jobs, JobsError, Kv, KvError, Row, Stmt,
};
use rusqlite::types::{Value as SqlValue, ValueRef};
use serde_json::Value;
use tower::ServiceExt;

pub const SCHEMA: &str = include_str!("../../schema.sql");
pub const DEMO: &str = include_str!("../../seed/demo.sql");
pub const BASE: &str = "http://127.0.0.1:8787";

pub struct SqliteDb(Mutex<rusqlite::Connection>);

impl SqliteDb {
    pub fn new(scripts: &[&str]) -> Self {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
        for s in scripts {
            conn.execute_batch(s).unwrap();
        }
        SqliteDb(Mutex::new(conn))
    }

    /// A scalar read for assertions: the first column of the first row.
    pub fn scalar(&self, sql: &str) -> Value {
        let conn = self.0.lock().unwrap();
        conn.query_row(sql, [], |r| Ok(to_json(r.get_ref(0)?)))
            .unwrap_or(Value::Null)
    }

    pub fn exec(&self, sql: &str) {
        self.0.lock().unwrap().execute_batch(sql).unwrap();
    }
}

fn to_sql(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(*b as i64),
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| SqlValue::Real(n.as_f64().unwrap()), SqlValue::Integer),
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

fn to_json(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(_) => Value::Null,
    }
}

fn db_err(e: rusqlite::Error) -> DbError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            DbError::Constraint(e.to_string())
        }
        _ => DbError::Other(e.to_string()),
    }
}

fn run_query(conn: &rusqlite::Connection, stmt: &Stmt) -> Result<Vec<Row>, DbError> {
    let mut prepared = conn.prepare(&stmt.sql).map_err(db_err)?;
    let names: Vec<String> = prepared
        .column_names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let params: Vec<SqlValue> = stmt.params.iter().map(to_sql).collect();
    let mut rows = prepared
        .query(rusqlite::params_from_iter(params))
        .map_err(db_err)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(db_err)? {
        let mut map = Row::new();
        for (i, name) in names.iter().enumerate() {
            map.insert(name.clone(), to_json(row.get_ref(i).map_err(db_err)?));
        }
        out.push(map);
    }
    Ok(out)
}

#[async_trait]
impl Db for SqliteDb {
    async fn query(&self, stmt: Stmt) -> Result<Vec<Row>, DbError> {
        run_query(&self.0.lock().unwrap(), &stmt)
    }

    async fn execute(&self, stmt: Stmt) -> Result<u64, DbError> {
        let conn = self.0.lock().unwrap();
        let params: Vec<SqlValue> = stmt.params.iter().map(to_sql).collect();
        conn.execute(&stmt.sql, rusqlite::params_from_iter(params))
            .map(|n| n as u64)
            .map_err(db_err)
    }

    async fn batch(&self, stmts: Vec<Stmt>) -> Result<(), DbError> {
        let mut conn = self.0.lock().unwrap();
        let tx = conn.transaction().map_err(db_err)?;
        for stmt in &stmts {
            run_query(&tx, stmt)?;
        }
        tx.commit().map_err(db_err)
    }
}

pub struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    pub fn advance(&self, seconds: i64) {
        let mut t = self.0.lock().unwrap();
        *t += Duration::seconds(seconds);
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

/// KV with expiry judged by the test clock, like Workers KV's TTL.
pub struct MemKv {
    clock: Arc<TestClock>,
    map: Mutex<HashMap<String, (String, DateTime<Utc>)>>,
}

impl MemKv {
    pub fn len(&self) -> usize {
        let now = self.clock.now();
        self.map
            .lock()
            .unwrap()
            .values()
            .filter(|(_, exp)| *exp > now)
            .count()
    }
}

#[async_trait]
impl Kv for MemKv {
    async fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        let now = self.clock.now();
        Ok(self
            .map
            .lock()
            .unwrap()
            .get(key)
            .filter(|(_, exp)| *exp > now)
            .map(|(v, _)| v.clone()))
    }

    async fn put(&self, key: &str, value: &str, ttl: u64) -> Result<(), KvError> {
        assert!(ttl >= 60, "KV refuses TTLs under 60 s, got {ttl}");
        let exp = self.clock.now() + Duration::seconds(ttl as i64);
        self.map
            .lock()
            .unwrap()
            .insert(key.to_string(), (value.to_string(), exp));
        Ok(())
    }

    async fn delete(&self, key: &str) -> Result<(), KvError> {
        self.map.lock().unwrap().remove(key);
        Ok(())
    }
}

#[derive(Default)]
pub struct MemJobs(Mutex<VecDeque<Job>>);

impl MemJobs {
    pub fn pending(&self) -> Vec<Job> {
        self.0.lock().unwrap().iter().cloned().collect()
    }
}

#[async_trait]
impl Jobs for MemJobs {
    async fn send(&self, job: &Job) -> Result<(), JobsError> {
        self.0.lock().unwrap().push_back(job.clone());
        Ok(())
    }
}

/// A form as sent: (name, value) pairs.
pub type Form = Vec<(String, String)>;
type Script = Box<dyn Fn(&str, &[(String, String)]) -> (u16, String) + Send + Sync>;

/// An HTTP client whose answers the test scripts; it records what was sent.
#[derive(Default)]
pub struct FakeHttp {
    pub script: Mutex<Option<Script>>,
    pub sent: Mutex<Vec<(String, Form)>>,
}

#[async_trait]
impl HttpClient for FakeHttp {
    async fn post_form(
        &self,
        url: &str,
        form: &[(&str, &str)],
    ) -> Result<(u16, String), HttpClientError> {
        let form: Vec<(String, String)> = form
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.sent
            .lock()
            .unwrap()
            .push((url.to_string(), form.clone()));
        match &*self.script.lock().unwrap() {
            Some(f) => Ok(f(url, &form)),
            None => Err(HttpClientError("no network in tests".into())),
        }
    }
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("not JSON: {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn location(&self) -> String {
        self.headers
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }

    pub fn set_cookie(&self) -> String {
        self.headers
            .get(header::SET_COOKIE)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }

    /// The error code of a JSON error body.
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}

pub struct TestApp {
    pub app: App,
    pub db: Arc<SqliteDb>,
    pub kv: Arc<MemKv>,
    pub jobs: Arc<MemJobs>,
    pub clock: Arc<TestClock>,
    pub http: Arc<FakeHttp>,
}

/// A request being built: method, path, optional session, body and headers.
pub struct Req {
    method: Method,
    path: String,
    cookie: Option<String>,
    body: Body,
    headers: Vec<(String, String)>,
}

impl Req {
    pub fn new(method: Method, path: &str) -> Self {
        Req {
            method,
            path: path.to_string(),
            cookie: None,
            body: Body::empty(),
            headers: vec![],
        }
    }

    pub fn session(mut self, id: &str) -> Self {
        self.cookie = Some(format!("kabinet_session={id}"));
        self
    }

    pub fn json(mut self, v: Value) -> Self {
        self.headers
            .push(("content-type".into(), "application/json".into()));
        self.body = Body::from(v.to_string());
        self
    }

    pub fn raw(mut self, content_type: &str, body: impl Into<Body>) -> Self {
        self.headers
            .push(("content-type".into(), content_type.into()));
        self.body = body.into();
        self
    }

    pub fn form(self, pairs: &[(&str, &str)]) -> Self {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.raw("application/x-www-form-urlencoded", body)
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

impl TestApp {
    pub fn new() -> Self {
        Self::with_config(Config::development(BASE))
    }

    pub fn with_config(config: Config) -> Self {
        let start = Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap();
        let clock = Arc::new(TestClock(Mutex::new(start)));
        let db = Arc::new(SqliteDb::new(&[SCHEMA, DEMO]));
        let kv = Arc::new(MemKv {
            clock: clock.clone(),
            map: Mutex::new(HashMap::new()),
        });
        let jobs = Arc::new(MemJobs::default());
        let http = Arc::new(FakeHttp::default());
        let app = App {
            db: db.clone(),
            kv: kv.clone(),
            jobs: jobs.clone(),
            clock: clock.clone(),
            http: http.clone(),
            config,
        };
        TestApp {
            app,
            db,
            kv,
            jobs,
            clock,
            http,
        }
    }

    fn router(&self) -> Router {
        kabinet::http::router(self.app.clone())
    }

    pub async fn send(&self, req: Req) -> TestResponse {
        let mut builder = Request::builder()
            .method(req.method)
            .uri(&req.path)
            .header(header::HOST, "127.0.0.1:8787");
        if let Some(c) = &req.cookie {
            builder = builder.header(header::COOKIE, c);
        }
        for (k, v) in &req.headers {
            builder = builder.header(k.as_str(), v.as_str());
        }
        let response = self
            .router()
            .oneshot(builder.body(req.body).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, session: Option<&str>) -> TestResponse {
        let mut r = Req::new(Method::GET, path);
        if let Some(s) = session {
            r = r.session(s);
        }
        self.send(r).await
    }

    /// Starts a login and returns the query of the provider's authorization request.
    pub async fn start_login(&self) -> String {
        let r = self.get("/api/auth/login", None).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        let loc = r.location();
        let (_, query) = loc.split_once('?').expect("authorize URL has a query");
        query.to_string()
    }

    /// Answers the provider's login page as a demo person ("Войти как ...");
    /// returns the redirect back to the portal, with the code and state.
    pub async fn authorize_as(&self, oid: &str) -> String {
        let query = self.start_login().await;
        let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        pairs.push(("oid".into(), oid.into()));
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let r = self
            .send(Req::new(Method::POST, "/dev/idp/login").form(&refs))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        r.location()
    }

    /// Logs in as a demo person through the development provider; returns the session id.
    pub async fn login_as(&self, oid: &str) -> String {
        let location = self.authorize_as(oid).await;
        self.callback(&location).await
    }

    /// Follows the provider's redirect to the callback; returns the session id.
    pub async fn callback(&self, location: &str) -> String {
        let path = location.strip_prefix(BASE).expect("redirect to the portal");
        let r = self.get(path, None).await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "callback failed: {}",
            r.text()
        );
        assert_eq!(r.location(), "/kabinet/zayavleniya");
        session_from(&r.set_cookie())
    }

    /// Runs every queued job through the consumer, as the queue would.
    pub async fn drain_jobs(&self) -> usize {
        let pending: Vec<Job> = self.jobs.0.lock().unwrap().drain(..).collect();
        for job in &pending {
            jobs::handle(&self.app, job).await.unwrap();
        }
        pending.len()
    }
}

pub fn session_from(set_cookie: &str) -> String {
    set_cookie
        .strip_prefix("kabinet_session=")
        .and_then(|rest| rest.split(';').next())
        .expect("session cookie")
        .to_string()
}

/// Demo persons (seed/demo.sql).
pub const PARENT: &str = "1000001";
pub const OTHER_PARENT: &str = "1000002";
pub const KINDERGARTEN_OPERATOR: &str = "1000003";
pub const SCHOOL_OPERATOR: &str = "1000004";
pub const PORTAL_ADMIN: &str = "1000005";
