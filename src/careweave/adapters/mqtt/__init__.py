"""MQTT: careweave as a subscriber of a broker (Mosquitto), one package per capability."""
