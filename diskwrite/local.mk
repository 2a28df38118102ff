## diskwrite: see man/diskwrite.1 (being written)
