"""Exchange with other laptops and the hub: packages, outbox, client; and the hub server. No Qt."""
