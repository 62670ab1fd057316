app_name = "duo"

urlpatterns: list = []
