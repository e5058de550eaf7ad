a = x.y.z[1].w[*].v
