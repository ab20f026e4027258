password = "s3cret"
