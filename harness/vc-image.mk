## vc-image: see man/vc-image.1 (being written)
