"""Django's Redis cache, keeping its redis-py clients."""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    # Django builds a redis-py client for every operation, and building one costs more than a
    # GET on loopback. A client takes its connections from the pool, so one per pool serves.
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
