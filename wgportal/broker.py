"""The embedded broker of `make run`: kombu's filesystem transport, with each message written
whole under a temporary name and then renamed. Kombu's own creates the message file and then
writes into it, so a worker listing the folder at that moment reads an empty file and stops
("Unrecoverable error: JSONDecodeError"); a rename is atomic."""

import os
import uuid
from time import monotonic

from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        # Readers take only names ending in ".<queue>.msg": the partial file is not one.
        partial = final + ".part"
        try:
            with open(partial, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as error:
            raise filesystem.ChannelError(f"Cannot add {final!r} to the queue") from error


class Transport(filesystem.Transport):
    Channel = Channel
