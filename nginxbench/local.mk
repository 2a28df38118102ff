## nginxbench: see man/nginxbench.1 (being written)
