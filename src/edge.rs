//! workerd entry points (fetch, queue, scheduled) and the adapters of the
//! ports over D1, KV, Queues and fetch. Thin on purpose: everything else is
//! platform-free and tested natively. Bindings live in each event's `Env`,
//! so the `App` is assembled per event; that is a handful of JS handles.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use tower_service::Service;
use wasm_bindgen::JsValue;
use worker::send::{SendFuture, SendWrapper};
use worker::{
    console_error, console_log, event, Context, D1Database, Env, Fetch, Headers, HttpRequest,
    KvStore, MessageBatch, MessageExt, Method, Queue, RequestInit, ScheduleContext, ScheduledEvent,
};

use crate::app::{cron, jobs, jobs::Job, App};
use crate::config::Config;
use crate::http::pages;
use crate::ports::{
    Db, DbError, HttpClient, HttpClientError, Jobs, JobsError, Kv, KvError, Row, Stmt, SystemClock,
};

/// Plain vars and secrets the worker reads (see README, "Настройки").
const SETTINGS: &[&str] = &[
    "ENVIRONMENT",
    "PUBLIC_URL",
    "ESIA_ISSUER",
    "ESIA_AUTHORIZE_URL",
    "ESIA_TOKEN_URL",
    "ESIA_CLIENT_ID",
    "ESIA_CLIENT_SECRET",
    "ESIA_PUBLIC_KEYS",
    "ESIA_ALG",
];

fn build_app(env: &Env) -> Result<App, String> {
    let vars: HashMap<String, String> = SETTINGS
        .iter()
        .filter_map(|name| {
            let value = env
                .var(name)
                .map(|v| v.to_string())
                .or_else(|_| env.secret(name).map(|v| v.to_string()));
            value.ok().map(|v| (name.to_string(), v))
        })
        .collect();
    let config = Config::from_vars(&vars)?;
    let db = env.d1("DB").map_err(|e| format!("binding DB: {e}"))?;
    let kv = env
        .kv("SESSIONS")
        .map_err(|e| format!("binding SESSIONS: {e}"))?;
    let queue = env
        .queue("JOBS")
        .map_err(|e| format!("binding JOBS: {e}"))?;
    Ok(App {
        db: Arc::new(D1(SendWrapper::new(db))),
        kv: Arc::new(KvAdapter(SendWrapper::new(kv))),
        jobs: Arc::new(QueueAdapter(SendWrapper::new(queue))),
        clock: Arc::new(SystemClock),
        http: Arc::new(FetchClient),
        config,
    })
}

#[event(fetch)]
async fn fetch(
    req: HttpRequest,
    env: Env,
    _ctx: Context,
) -> worker::Result<axum::http::Response<axum::body::Body>> {
    console_error_panic_hook::set_once();
    let app = match build_app(&env) {
        Ok(app) => app,
        Err(why) => {
            console_error!("configuration error: {why}");
            let page = pages::message_page(
                "Портал временно недоступен",
                "Портал не настроен: обратитесь к администратору портала.",
            );
            return Ok(pages::html(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                &page,
            ));
        }
    };
    Ok(crate::http::router(app).call(req).await?)
}

#[event(queue)]
async fn queue(batch: MessageBatch<Job>, env: Env, _ctx: Context) -> worker::Result<()> {
    let app = build_app(&env).map_err(worker::Error::RustError)?;
    for message in batch.messages()? {
        match jobs::handle(&app, message.body()).await {
            Ok(()) => message.ack(),
            Err(e) => {
                console_error!("job failed, will retry: {e:#}");
                message.retry();
            }
        }
    }
    Ok(())
}

#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let app = match build_app(&env) {
        Ok(app) => app,
        Err(why) => return console_error!("configuration error: {why}"),
    };
    match cron::run(&app, &event.cron()).await {
        Ok(done) => console_log!("cron {}: {done}", event.cron()),
        Err(e) => console_error!("cron {} failed: {e:#}", event.cron()),
    }
}

struct D1(SendWrapper<D1Database>);

fn to_js(params: &[serde_json::Value]) -> Vec<JsValue> {
    params
        .iter()
        .map(|v| match v {
            serde_json::Value::Null => JsValue::NULL,
            serde_json::Value::Bool(b) => JsValue::from_bool(*b),
            serde_json::Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => JsValue::from_str(s),
            other => JsValue::from_str(&other.to_string()),
        })
        .collect()
}

fn db_error(e: worker::Error) -> DbError {
    let text = e.to_string();
    if text.contains("constraint failed") {
        DbError::Constraint(text)
    } else {
        DbError::Other(text)
    }
}

impl D1 {
    fn prepare(&self, stmt: &Stmt) -> Result<worker::D1PreparedStatement, DbError> {
        self.0
            .prepare(stmt.sql.as_str())
            .bind(&to_js(&stmt.params))
            .map_err(db_error)
    }
}

#[async_trait]
impl Db for D1 {
    async fn query(&self, stmt: Stmt) -> Result<Vec<Row>, DbError> {
        SendFuture::new(async move {
            let result = self.prepare(&stmt)?.all().await.map_err(db_error)?;
            if let Some(error) = result.error() {
                return Err(DbError::Other(error));
            }
            result.results::<Row>().map_err(db_error)
        })
        .await
    }

    async fn execute(&self, stmt: Stmt) -> Result<u64, DbError> {
        SendFuture::new(async move {
            let result = self.prepare(&stmt)?.run().await.map_err(db_error)?;
            let changes = result
                .meta()
                .map_err(db_error)?
                .and_then(|m| m.changes)
                .unwrap_or(0);
            Ok(changes as u64)
        })
        .await
    }

    async fn batch(&self, stmts: Vec<Stmt>) -> Result<(), DbError> {
        SendFuture::new(async move {
            let prepared = stmts
                .iter()
                .map(|s| self.prepare(s))
                .collect::<Result<Vec<_>, _>>()?;
            self.0.batch(prepared).await.map_err(db_error)?;
            Ok(())
        })
        .await
    }
}

struct KvAdapter(SendWrapper<KvStore>);

#[async_trait]
impl Kv for KvAdapter {
    async fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        SendFuture::new(async move {
            self.0
                .get(key)
                .text()
                .await
                .map_err(|e| KvError(e.to_string()))
        })
        .await
    }

    async fn put(&self, key: &str, value: &str, ttl_seconds: u64) -> Result<(), KvError> {
        SendFuture::new(async move {
            self.0
                .put(key, value)
                .map_err(|e| KvError(e.to_string()))?
                .expiration_ttl(ttl_seconds.max(60))
                .execute()
                .await
                .map_err(|e| KvError(e.to_string()))
        })
        .await
    }

    async fn delete(&self, key: &str) -> Result<(), KvError> {
        SendFuture::new(async move { self.0.delete(key).await.map_err(|e| KvError(e.to_string())) })
            .await
    }
}

struct QueueAdapter(SendWrapper<Queue>);

#[async_trait]
impl Jobs for QueueAdapter {
    async fn send(&self, job: &Job) -> Result<(), JobsError> {
        let job = job.clone();
        SendFuture::new(async move { self.0.send(job).await.map_err(|e| JobsError(e.to_string())) })
            .await
    }
}

struct FetchClient;

#[async_trait]
impl HttpClient for FetchClient {
    async fn post_form(
        &self,
        url: &str,
        form: &[(&str, &str)],
    ) -> Result<(u16, String), HttpClientError> {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form.iter())
            .finish();
        let url = url.to_string();
        SendFuture::new(async move {
            let err = |e: worker::Error| HttpClientError(e.to_string());
            let headers = Headers::new();
            headers
                .set("content-type", "application/x-www-form-urlencoded")
                .map_err(err)?;
            headers.set("accept", "application/json").map_err(err)?;
            let mut init = RequestInit::new();
            init.with_method(Method::Post)
                .with_headers(headers)
                .with_body(Some(JsValue::from_str(&body)));
            let request = worker::Request::new_with_init(&url, &init).map_err(err)?;
            let mut response = Fetch::Request(request).send().await.map_err(err)?;
            let text = response.text().await.map_err(err)?;
            Ok((response.status_code(), text))
        })
        .await
    }
}
