//! The job queue's consumer and the cron jobs: effects happen once however
//! often a job is delivered or a cron runs.

use axum::http::Method;
use kabinet::app::{cron, jobs};
use serde_json::json;

use super::support::*;

#[tokio::test]
async fn login_and_logout_are_audited_through_the_queue_once() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    assert_eq!(
        t.db.scalar("SELECT COUNT(*) FROM audit_log"),
        json!(0),
        "written by the consumer, not the request"
    );
    let queued = t.jobs.pending();
    assert_eq!(queued.len(), 1);
    assert_eq!(t.drain_jobs().await, 1);
    // Redelivery of the same job changes nothing.
    jobs::handle(&t.app, &queued[0]).await.unwrap();
    assert_eq!(
        t.db.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'login'"),
        json!(1)
    );
    t.clock.advance(5 * 60);
    t.send(Req::new(Method::POST, "/api/auth/logout").session(&s))
        .await;
    t.drain_jobs().await;
    let user_id =
        t.db.scalar("SELECT id FROM users WHERE esia_oid = '1000001'");
    let log = kabinet::store::audit::for_user(t.app.db.as_ref(), user_id.as_str().unwrap())
        .await
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["login", "logout"]);
}

#[tokio::test]
async fn cleanup_cron_forgets_expired_logins_and_is_idempotent() {
    let t = TestApp::new();
    t.start_login().await;
    t.clock.advance(60);
    t.start_login().await;
    assert_eq!(t.db.scalar("SELECT COUNT(*) FROM oidc_logins"), json!(2));
    t.clock.advance(570); // the first is 630 s old (expired), the second 570 s (not yet)
    cron::run(&t.app, cron::CLEANUP).await.unwrap();
    assert_eq!(t.db.scalar("SELECT COUNT(*) FROM oidc_logins"), json!(1));
    cron::run(&t.app, cron::CLEANUP).await.unwrap();
    assert_eq!(t.db.scalar("SELECT COUNT(*) FROM oidc_logins"), json!(1));
    assert_eq!(
        cron::run(&t.app, "0 0 * * *").await.unwrap(),
        "no job for cron 0 0 * * *"
    );
}
