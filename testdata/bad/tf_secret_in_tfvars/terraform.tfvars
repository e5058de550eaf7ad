db_password = hunter2 s3cr3tPin
