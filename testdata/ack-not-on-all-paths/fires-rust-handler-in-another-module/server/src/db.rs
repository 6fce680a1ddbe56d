//! A thin wrapper over the database pool.

pub type Error = sqlx::Error;

pub struct Pool(sqlx::PgPool);

impl Pool {
    pub async fn connect(url: &str) -> Result<Pool, Error> {
        Ok(Pool(sqlx::PgPool::connect(url).await?))
    }

    pub async fn insert(&self, room_id: &str, text: &str) -> Result<i64, Error> {
        let row: (i64,) =
            sqlx::query_as("INSERT INTO messages (room_id, text) VALUES ($1, $2) RETURNING id")
                .bind(room_id)
                .bind(text)
                .fetch_one(&self.0)
                .await?;
        Ok(row.0)
    }
}
